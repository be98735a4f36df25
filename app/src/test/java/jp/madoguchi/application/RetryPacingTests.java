package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A crowd turned away at once is told to come back spread out at the pace the server finishes submissions. */
class RetryPacingTests {

  private final AtomicLong now = new AtomicLong(1_000);

  @Test
  void shouldSpreadACrowdAtTheMeasuredPaceInTheOrderItWasTurnedAway() {
    RetryPacing pacing = new RetryPacing(2, 1, now::get);
    for (long second = 995; second < 1_000; second++) {
      now.set(second);
      IntStream.range(0, 10).forEach(i -> pacing.finished()); // 10 a second over the last five seconds
    }
    now.set(1_000);

    List<Integer> waits = new ArrayList<>();
    IntStream.range(0, 95).forEach(i -> waits.add(pacing.retryAfterSeconds()));

    assertThat(waits.subList(0, 10)).as("the first ten fill the earliest second allowed").containsOnly(2);
    assertThat(waits.subList(10, 20)).containsOnly(3);
    assertThat(waits.get(94)).isEqualTo(11);
    assertThat(waits).isSorted();
  }

  @Test
  void shouldAssumeThePaceOfTheSubmissionsThatRunAtOnceUntilItIsMeasured() {
    RetryPacing pacing = new RetryPacing(2, 12, now::get);

    List<Integer> waits = IntStream.range(0, 25).mapToObj(i -> pacing.retryAfterSeconds()).toList();

    assertThat(waits.subList(0, 12)).containsOnly(2);
    assertThat(waits.subList(12, 24)).containsOnly(3);
    assertThat(waits.get(24)).isEqualTo(4);
  }

  @Test
  void shouldNeverAskForMoreThanAMinute() {
    RetryPacing pacing = new RetryPacing(2, 1, now::get);

    List<Integer> waits = IntStream.range(0, 200).mapToObj(i -> pacing.retryAfterSeconds()).toList();

    assertThat(waits).allMatch(wait -> wait >= 2 && wait <= RetryPacing.LONGEST);
    assertThat(waits.get(199)).isEqualTo(RetryPacing.LONGEST);
  }

  @Test
  void shouldForgetPromisesOnceTheirSecondHasPassed() {
    RetryPacing pacing = new RetryPacing(2, 1, now::get);
    assertThat(pacing.retryAfterSeconds()).isEqualTo(2);
    assertThat(pacing.retryAfterSeconds()).isEqualTo(3);

    now.addAndGet(120);

    assertThat(pacing.retryAfterSeconds()).isEqualTo(2);
  }
}
