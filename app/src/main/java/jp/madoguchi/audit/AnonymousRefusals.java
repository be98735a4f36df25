package jp.madoguchi.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import jp.madoguchi.audit.AuditEntry.Category;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps refusals of requests that named nobody (no staff account, no resident: probes, scans, a
 * flood) from filling the audit log and the disk: one client answered 401 by {@code /engine-rest}
 * 44,188 times in 15 s wrote 44,188 entries (14 MB; about 80 GB a day). Per municipality and source
 * address, the first {@code perAddress} such refusals of a minute are logged as usual; the rest are
 * counted, and when the minute is over one entry of kind {@code refused.suppressed} tells how many
 * ({@code {"count":"N","since":"…"}}). At most {@code addresses} addresses are followed in a
 * minute; refusals from further addresses are counted under the address {@code *}.
 */
@Component
class AnonymousRefusals implements SmartLifecycle {

  static final String KIND = "refused.suppressed";
  static final String OTHER_ADDRESSES = "*";
  private static final int PER_ADDRESS = 20;
  private static final int ADDRESSES = 1_000;

  private record Source(String tenantId, String address) {
  }

  private final AuditLog auditLog;
  private final Clock clock;
  private final Map<Source, int[]> logged = new HashMap<>();
  private final Map<Source, int[]> suppressed = new HashMap<>();
  private Instant since;
  private volatile boolean running;

  AnonymousRefusals(AuditLog auditLog, Clock clock) {
    this.auditLog = auditLog;
    this.clock = clock;
    this.since = clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  /** Whether this refusal gets an entry of its own; if not, it is counted for the minute's summary. */
  synchronized boolean admit(String tenantId, String address) {
    Source source = new Source(tenantId == null ? "" : tenantId, address);
    int[] count = logged.get(source);
    if (count == null && logged.size() < ADDRESSES) {
      count = new int[1];
      logged.put(source, count);
    }
    if (count != null && count[0] < PER_ADDRESS) {
      count[0]++;
      return true;
    }
    Source counted = count != null ? source : new Source(source.tenantId(), OTHER_ADDRESSES);
    suppressed.computeIfAbsent(counted, key -> new int[1])[0]++;
    return false;
  }

  /** Ends the minute: one summary entry per source that had refusals counted instead of logged. */
  @Scheduled(fixedRateString = "PT1M", initialDelayString = "PT1M")
  void endMinute() {
    Map<Source, int[]> counted;
    Instant from;
    synchronized (this) {
      counted = new HashMap<>(suppressed);
      from = since;
      logged.clear();
      suppressed.clear();
      since = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
    counted.forEach((source, count) -> auditLog.append(new AuditEntry(source.tenantId(), clock.instant(),
        Category.ACCESS, KIND, null, source.address(), null, null, null, null, null, false, null,
        "{\"count\":\"" + count[0] + "\",\"since\":\"" + from + "\"}", null, null)));
  }

  @Override
  public void start() {
    running = true;
  }

  /** Before the audit log's writer stops (a higher phase stops first), so the last minute's counts are written. */
  @Override
  public void stop() {
    endMinute();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 999;
  }
}
