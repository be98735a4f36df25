package jp.madoguchi.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jp.madoguchi.Markers;
import org.junit.jupiter.api.Test;

/** The scan of the proof test finds a marker in every form it claims to, and no look-alike. */
class ClearTextScanTests {

  @Test
  void shouldFindAMarkerInEachEncoding() {
    Markers markers = new Markers();
    String name = markers.text("name");
    String japanese = name.substring(name.indexOf('・') + 1);
    byte[] json = ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);

    for (String text : List.of("INSERT … '" + name + "'", "\\x" + HexFormat.of().formatHex(json),
        Base64.getEncoder().encodeToString(("x" + name).getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder().encodeToString(("xy" + name + "z").getBytes(StandardCharsets.UTF_8)),
        "{\"name\":\"" + escape(japanese) + "\"}", "https://example.org/?q=" + java.net.URLEncoder.encode(japanese,
            StandardCharsets.UTF_8))) {
      assertThat(ClearTextScan.find(markers.all(), Map.of("text", text))).as(text).isNotEmpty();
    }
  }

  @Test
  void shouldFindNumbersOnlyAsWholeWords() {
    Markers markers = new Markers();
    String account = markers.digits("accountNumber", 7);

    assertThat(ClearTextScan.find(markers.all(), Map.of("dump", "1\t" + account + "\tdemo"))).hasSize(1);
    assertThat(ClearTextScan.find(markers.all(), Map.of("dump", "9f" + account + "ab x" + account + "9")))
        .as("inside hex or Base64").isEmpty();
  }

  @Test
  void shouldNotTakeTheMicrosecondsOfATimestampForANumber() {
    Markers markers = new Markers();
    long amount = markers.number("monthlyAmount", 100_000, 999_999);

    assertThat(ClearTextScan.find(markers.all(), Map.of("dump", "PENDING\t0\t2026-12-02 13:13:57." + amount + "+00")))
        .isEmpty();
    assertThat(ClearTextScan.find(markers.all(), Map.of("dump", "{\"monthlyAmount\":" + amount + "}"))).hasSize(1);
    assertThat(ClearTextScan.find(markers.all(), Map.of("dump", "1200." + amount))).as("a decimal's fraction").isEmpty();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04X", c)));
    return out.toString();
  }
}
