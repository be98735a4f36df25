package jp.madoguchi.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A tenant's channel pauses after LINE fails, and a probe reopens it. */
class LineAvailabilityTests {

  private final MovableClock clock = new MovableClock();
  private final LineAvailability availability = new LineAvailability(clock);

  @Test
  void shouldPauseForTheRetryAfterLineGivesThenProbe() {
    Instant until = availability.failed("demo", Duration.ofSeconds(120));

    assertThat(until).isEqualTo(clock.instant().plusSeconds(120));
    assertThat(availability.paused()).containsExactly("demo");
    assertThat(availability.probing()).isEmpty();
    clock.advance(Duration.ofSeconds(121));
    assertThat(availability.paused()).isEmpty();
    assertThat(availability.probing()).containsExactly("demo");
    availability.succeeded("demo");
    assertThat(availability.probing()).isEmpty();
  }

  @Test
  void shouldDoubleThePauseOnEachFailureUpToHalfAMinuteSoDeliveryResumesSoonAfterLineRecovers() {
    assertThat(availability.failed("demo", null)).isEqualTo(clock.instant().plusSeconds(5));
    clock.advance(Duration.ofSeconds(5));
    assertThat(availability.failed("demo", null)).isEqualTo(clock.instant().plusSeconds(10));
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofMinutes(1));
      availability.failed("demo", null);
    }
    assertThat(availability.failed("demo", null)).isEqualTo(clock.instant().plus(LineAvailability.LONGEST_PAUSE));
    assertThat(availability.paused()).containsExactly("demo");
  }

  @Test
  void shouldNotBelieveARetryAfterOfHours() {
    assertThat(availability.failed("demo", Duration.ofHours(6))).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
  }

  @Test
  void shouldKeepTenantsApart() {
    availability.failed("kita", null);
    assertThat(availability.paused()).containsExactly("kita");
  }
}
