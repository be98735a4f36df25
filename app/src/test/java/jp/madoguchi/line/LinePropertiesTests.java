package jp.madoguchi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * A handled webhook event is kept at least a day, so that LINE's redeliveries are still recognised;
 * LINE's APIs are called over TLS (the channel access token goes with every call), plain HTTP only to
 * a stand-in on this machine.
 */
class LinePropertiesTests {

  @Test
  void shouldKeepHandledEventsThirtyDaysByDefaultAndRefuseLessThanADay() {
    assertThat(properties(null).inboxKeep()).isEqualTo(Duration.ofDays(30));
    assertThat(properties(Duration.ofDays(1)).inboxKeep()).isEqualTo(Duration.ofDays(1));
    assertThatThrownBy(() -> properties(Duration.ofHours(12))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inbox-keep");
  }

  @Test
  void shouldCallLineOverTlsOrAStandInOnThisMachine() {
    for (String base : new String[] {"", "https://api.line.me", "https://line-proxy.example.jp:8443/",
        "http://localhost:8089", "http://127.0.0.1:41000/", "http://[::1]:8089"}) {
      assertThat(bases(base).apiBaseUrl()).isEqualTo(base);
      assertThat(bases(base).dataApiBaseUrl()).isEqualTo(base);
    }
    for (String base : new String[] {"http://line-mock:8080", "http://192.0.2.10/", "ftp://api.line.me",
        "api.line.me", "https://", "https://api.line.me/ x"}) {
      assertThatThrownBy(() -> new LineProperties(base, "", Duration.ofSeconds(5), Duration.ofSeconds(10),
          Duration.ofHours(23), false, null, null)).as(base).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("LINE_API_BASE_URL");
      assertThatThrownBy(() -> new LineProperties("", base, Duration.ofSeconds(5), Duration.ofSeconds(10),
          Duration.ofHours(23), false, null, null)).as(base).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("LINE_DATA_API_BASE_URL");
    }
  }

  private static LineProperties properties(Duration inboxKeep) {
    return new LineProperties("", "", Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofHours(23), false,
        null, inboxKeep);
  }

  private static LineProperties bases(String base) {
    return new LineProperties(base, base, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofHours(23), false,
        null, null);
  }
}
