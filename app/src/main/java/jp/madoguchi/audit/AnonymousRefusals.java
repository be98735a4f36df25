package jp.madoguchi.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import jp.madoguchi.audit.AuditEntry.Category;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps refusals of requests that named nobody (no staff account, no resident: probes, scans, a
 * flood) from filling the audit log and the disk: one client answered 401 by {@code /engine-rest}
 * 44,188 times in 15 s wrote 44,188 entries (14 MB; about 80 GB a day). Per source address, the
 * first {@code PER_ADDRESS} such refusals of a minute are logged as usual, whatever municipality their
 * path names (so a client cannot escape the limit by naming other ones); the rest are counted, and
 * when the minute is over one entry of kind {@code refused.suppressed} tells how many
 * ({@code {"count":"N","since":"…"}}), in the log of the municipality the first counted one named.
 * At most {@code ADDRESSES} addresses are followed in a minute; refusals from further addresses
 * are counted together under the address {@code *} in the deployment's log.
 */
@Component
class AnonymousRefusals extends MinuteCounts {

  static final String KIND = "refused.suppressed";
  private static final String OTHER_ADDRESSES = "*";
  private static final int PER_ADDRESS = 20;
  private static final int ADDRESSES = 1_000;

  /** One address's refusals in the current minute. */
  private static final class Window {
    int logged;
    int counted;
    /** The municipality the first counted refusal named, whose log gets the summary. */
    String tenantId = "";
  }

  private final AuditLog auditLog;
  private final Clock clock;
  private Map<String, Window> windows = new HashMap<>();
  private Window otherAddresses = new Window();
  private Instant since;

  AnonymousRefusals(AuditLog auditLog, Clock clock) {
    this.auditLog = auditLog;
    this.clock = clock;
    this.since = clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  /** Whether this refusal gets an entry of its own; if not, it is counted for the minute's summary. */
  synchronized boolean admit(String tenantId, String address) {
    Window window = windows.get(address);
    if (window == null) {
      if (windows.size() >= ADDRESSES) {
        otherAddresses.counted++;
        return false;
      }
      window = new Window();
      windows.put(address, window);
    }
    if (window.logged < PER_ADDRESS) {
      window.logged++;
      return true;
    }
    if (window.counted++ == 0 && tenantId != null) {
      window.tenantId = tenantId;
    }
    return false;
  }

  /** Refusals from the address counted in this minute so far (not logged one by one). */
  synchronized int countedSoFar(String address) {
    Window window = windows.get(address);
    return window == null ? 0 : window.counted;
  }

  /** Ends the minute: one summary entry per address that had refusals counted instead of logged. */
  @Override
  @Scheduled(fixedRateString = "PT1M", initialDelayString = "PT1M")
  void endMinute() {
    Map<String, Window> ended;
    Window endedOthers;
    Instant from;
    synchronized (this) {
      ended = windows;
      endedOthers = otherAddresses;
      from = since;
      windows = new HashMap<>();
      otherAddresses = new Window();
      since = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
    ended.forEach((address, window) -> summarize(address, window, from));
    summarize(OTHER_ADDRESSES, endedOthers, from);
  }

  private void summarize(String address, Window window, Instant from) {
    if (window.counted > 0) {
      auditLog.append(new AuditEntry(window.tenantId, clock.instant(), Category.ACCESS, KIND, null, address, null,
          null, null, null, null, false, null, "{\"count\":\"" + window.counted + "\",\"since\":\"" + from + "\"}",
          null, null));
    }
  }
}
