package jp.madoguchi.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many submissions (resident applications, corrections, withdrawals, REST process starts) run
 * at once, and how many may wait for a turn; the rest are turned away at once with 503 and
 * {@code Retry-After}, before anything is read or written.
 *
 * @param maxConcurrent submissions processed at the same time ({@code MADOGUCHI_SUBMISSIONS_CONCURRENT})
 * @param maxQueued submissions waiting for a turn; keep well below the server's threads (200)
 * @param maxWait how long one waits for its turn before it is turned away
 * @param retryAfterSeconds what a turned-away client is told to wait
 */
@ConfigurationProperties("madoguchi.submissions")
public record SubmissionLimits(int maxConcurrent, int maxQueued, Duration maxWait, int retryAfterSeconds) {

  public SubmissionLimits {
    if (maxConcurrent < 1 || maxQueued < 0 || maxWait == null || maxWait.isNegative() || retryAfterSeconds < 1) {
      throw new IllegalArgumentException("madoguchi.submissions: max-concurrent >= 1, max-queued >= 0, max-wait >= 0, "
          + "retry-after-seconds >= 1");
    }
  }
}
