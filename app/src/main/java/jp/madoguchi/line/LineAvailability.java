package jp.madoguchi.line;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Per tenant (channel): whether LINE takes calls now. After a 429, a 5xx or a timeout the
 * channel is paused (for the 429's {@code Retry-After}, else 5 s doubling up to 30 s) and no
 * message or reply of that tenant is tried meanwhile; when the pause ends one message goes first
 * as a probe, and everything follows once it succeeds. So a LINE outage costs a few calls, not one
 * failed try per queued message, and delivery resumes within about 30 s of LINE recovering.
 */
@Component
public class LineAvailability {

  private static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
  /** A Retry-After beyond this is not believed longer (LINE's rate limits are per second and minute). */
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

  private record Pause(Instant until, int failures) {
  }

  private final Map<String, Pause> pauses = new ConcurrentHashMap<>();
  private final Clock clock;

  LineAvailability(Clock clock) {
    this.clock = clock;
  }

  /** Tenants whose channel is paused now: nothing of theirs should be sent. */
  public Set<String> paused() {
    Instant now = clock.instant();
    return pauses.entrySet().stream().filter(entry -> entry.getValue().until().isAfter(now))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  /** Tenants whose pause is over but not yet confirmed by a successful call: one message at a time. */
  public Set<String> probing() {
    Instant now = clock.instant();
    return pauses.entrySet().stream().filter(entry -> !entry.getValue().until().isAfter(now))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  /** LINE refused or did not answer a call of the tenant; returns when to try again. */
  public Instant failed(String tenantId, Duration retryAfter) {
    Pause pause = pauses.compute(tenantId, (tenant, earlier) -> {
      int failures = earlier == null ? 1 : earlier.failures() + 1;
      Duration wait = retryAfter != null ? min(retryAfter, LONGEST_RETRY_AFTER) : backoff(failures);
      Instant until = clock.instant().plus(wait);
      return new Pause(earlier != null && earlier.until().isAfter(until) ? earlier.until() : until, failures);
    });
    return pause.until();
  }

  public void succeeded(String tenantId) {
    pauses.remove(tenantId);
  }

  static Duration backoff(int failures) {
    return min(FIRST_PAUSE.multipliedBy(1L << Math.min(failures - 1, 10)), LONGEST_PAUSE);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
