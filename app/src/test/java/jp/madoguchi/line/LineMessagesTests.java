package jp.madoguchi.line;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineMessagesTests {

  @Test
  void shouldShortenLongTextsWithoutSplittingAnEmoji() {
    String label = "粗大ごみ収集の申込内容を確かめる手続" + "😀" + "です"; // the emoji's pair: units 19 and 20

    String shortened = LineMessages.truncate(label, 20);

    assertThat(shortened).isEqualTo("粗大ごみ収集の申込内容を確かめる手続…");
    assertThat(shortened.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    assertThat(LineMessages.truncate("あ".repeat(25), 20)).isEqualTo("あ".repeat(19) + "…");
    assertThat(LineMessages.truncate("短い", 20)).isEqualTo("短い");
  }
}
