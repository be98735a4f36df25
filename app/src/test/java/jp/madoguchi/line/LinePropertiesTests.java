package jp.madoguchi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A handled webhook event is kept at least a day, so that LINE's redeliveries are still recognised. */
class LinePropertiesTests {

  @Test
  void shouldKeepHandledEventsThirtyDaysByDefaultAndRefuseLessThanADay() {
    assertThat(properties(null).inboxKeep()).isEqualTo(Duration.ofDays(30));
    assertThat(properties(Duration.ofDays(1)).inboxKeep()).isEqualTo(Duration.ofDays(1));
    assertThatThrownBy(() -> properties(Duration.ofHours(12))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inbox-keep");
  }

  private static LineProperties properties(Duration inboxKeep) {
    return new LineProperties("", "", Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofHours(23), false,
        null, inboxKeep);
  }
}
