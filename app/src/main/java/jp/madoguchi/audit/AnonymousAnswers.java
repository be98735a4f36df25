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
 * Requests that named nobody and were answered (below 400) without showing personal data: the
 * catalogue, the apply forms, the LIFF configuration, the demo's simulated provider pages. They
 * are counted, not entered one by one: 2,000 anonymous reads of {@code /liff-config} in 4.8 s
 * wrote 2,000 entries, and no auditor needs to know who read the catalogue. When the minute is
 * over, one entry of kind {@code anonymous.counted} per municipality, method, route and status
 * tells how many ({@code {"count":"N","since":"…"}}), so the volume stays visible. At most
 * {@code ROUTES} such combinations are followed in a minute; further ones are counted together
 * under the route {@code *} in the deployment's log.
 */
@Component
class AnonymousAnswers extends MinuteCounts {

  static final String KIND = "anonymous.counted";
  private static final int ROUTES = 1_000;
  private static final Answer OTHER_ROUTES = new Answer("", null, "*", null);

  private record Answer(String tenantId, String method, String route, Integer status) {
  }

  private final AuditLog auditLog;
  private final Clock clock;
  private Map<Answer, Integer> counts = new HashMap<>();
  private Instant since;

  AnonymousAnswers(AuditLog auditLog, Clock clock) {
    this.auditLog = auditLog;
    this.clock = clock;
    this.since = clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  synchronized void count(String tenantId, String method, String route, int status) {
    Answer answer = new Answer(tenantId == null ? "" : tenantId, method, route, status);
    if (!counts.containsKey(answer) && counts.size() >= ROUTES) {
      answer = OTHER_ROUTES;
    }
    counts.merge(answer, 1, Integer::sum);
  }

  /** Ends the minute: one entry per municipality, method, route and status that was answered. */
  @Override
  @Scheduled(fixedRateString = "PT1M", initialDelayString = "PT1M")
  void endMinute() {
    Map<Answer, Integer> ended;
    Instant from;
    synchronized (this) {
      ended = counts;
      from = since;
      counts = new HashMap<>();
      since = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
    ended.forEach((answer, count) -> auditLog.append(new AuditEntry(answer.tenantId(), clock.instant(),
        Category.ACCESS, KIND, null, null, answer.method(), answer.route(), answer.status(), null, null, false, null,
        "{\"count\":\"" + count + "\",\"since\":\"" + from + "\"}", null, null)));
  }
}
