package jp.madoguchi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Japanese line breaking: within the width, no line starting with closing punctuation, Latin words whole. */
class TextWrapTests {

  private static PDDocument document;
  private static PDType0Font font;

  @BeforeAll
  static void loadFont() throws IOException {
    document = new PDDocument();
    try (InputStream in = new ClassPathResource("fonts/NotoSansJP_400Regular.ttf").getInputStream()) {
      font = PDType0Font.load(document, in);
    }
  }

  @AfterAll
  static void close() throws IOException {
    document.close();
  }

  @Test
  void shouldKeepEveryLineWithinTheWidthAndNeverStartOneWithClosingPunctuation() {
    String text = "この受付票は、申請を受け付けたことを証するものであり、申請の内容を承認するものではありません。"
        .repeat(5);
    for (float width = 80; width < 400; width += 7) {
      List<String> lines = TextWrap.lines(text, font, 10, width);
      assertThat(String.join("", lines)).isEqualTo(text);
      for (String line : lines) {
        assertThat(TextWrap.width(line, font, 10)).as(line).isLessThanOrEqualTo(width);
        assertThat(line).as("width " + width).doesNotStartWith("。").doesNotStartWith("、");
      }
    }
  }

  @Test
  void shouldKeepLatinWordsWholeAndBreakOnlyRunsLongerThanALine() {
    List<String> lines = TextWrap.lines("Notice of approval for bulky waste collection", font, 10, 90);
    assertThat(lines).allSatisfy(line -> assertThat(line).doesNotStartWith(" "))
        .contains("collection");
    assertThat(String.join(" ", lines)).isEqualTo("Notice of approval for bulky waste collection");

    List<String> url = TextWrap.lines("https://madoguchi.example.jp/verify/demo/6f1c1f7e-7a1e-4c7e", font, 10, 100);
    assertThat(url).hasSizeGreaterThan(1);
    assertThat(String.join("", url)).isEqualTo("https://madoguchi.example.jp/verify/demo/6f1c1f7e-7a1e-4c7e");
  }

  /**
   * A resident's field as long as the API takes (256 KB) in one Latin run: measured once, not once per
   * line (it took 32 s of the job executor's time for this text before, 0.5 s now).
   */
  @Test
  void shouldBreakAVeryLongRunWithoutMeasuringItOncePerLine() {
    String run = "madoguchi".repeat(28_000);

    List<String> lines = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> TextWrap.lines(run, font, 10, 400));

    assertThat(String.join("", lines)).isEqualTo(run);
    assertThat(lines).hasSizeGreaterThan(3000).allSatisfy(line ->
        assertThat(TextWrap.width(line, font, 10)).isLessThanOrEqualTo(400));
    assertThat(TextWrap.width(lines.get(0) + "m", font, 10)).as("as much as fits").isGreaterThan(400);
  }

  @Test
  void shouldKeepExplicitLineBreaks() {
    assertThat(TextWrap.lines("1　一行目\n2　二行目", font, 10, 300)).containsExactly("1　一行目", "2　二行目");
  }
}
