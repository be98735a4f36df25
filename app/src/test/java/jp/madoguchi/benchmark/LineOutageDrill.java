package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jp.madoguchi.benchmark.LocalLineStandIn.Mode;
import jp.madoguchi.benchmark.SteadyLoad.Request;
import jp.madoguchi.benchmark.WebhookEvents.Event;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * LINE fails the way it can, under a steady load of submissions (each queues a LINE notification)
 * and webhooks (each needs an answer): 500 for a minute, then 429 with {@code Retry-After} for two
 * minutes, then answers that come later than the app waits (LINE took the message, the app does
 * not know), then LINE recovers. No notification may fail, each must be accepted by LINE once
 * under its one retry key, delivery must resume within a minute of the recovery, webhook
 * acknowledgements stay fast, and no resident is answered twice.
 * Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=LineOutageDrill} (about 9 minutes; shorter phases:
 * {@code -Ddrill.line.errorSeconds=20 -Ddrill.line.rateLimitSeconds=40 -Ddrill.line.slowSeconds=30}).
 */
@Tag("benchmark")
class LineOutageDrill {

  private static final long ERROR_SECONDS = Long.getLong("drill.line.errorSeconds", 60);
  private static final long RATE_LIMIT_SECONDS = Long.getLong("drill.line.rateLimitSeconds", 120);
  private static final long SLOW_SECONDS = Long.getLong("drill.line.slowSeconds", 60);

  @Test
  void lineFailsRateLimitsAndCrawlsThenRecovers() throws Exception {
    try (LocalLineStandIn line = new LocalLineStandIn()) {
      line.retryAfter(10);
      line.slowAnswersAfter(15_000); // the app waits 10 s (madoguchi.line.read-timeout)
      Path data = BenchmarkFolders.create("madoguchi-line-drill-");
      AppProcess app = AppProcess.madoguchi(AppProcess.freePort(), Map.of("MADOGUCHI_DATA_DIR", data.toString(),
          "LINE_API_BASE_URL", line.baseUrl(), "LINE_DATA_API_BASE_URL", line.baseUrl()));
      try {
        System.out.printf("%nDRILL line: app pid %d, log %s, started in %.1f s%n", app.pid(), app.log(),
            app.awaitHealthy(AppProcess.START_LIMIT));
        Residents residents = new Residents(200);
        WebhookEvents webhooks = new WebhookEvents();
        SteadyLoad load = new SteadyLoad(app::baseUrl, residents, webhooks, 2, 4, 200);
        Thread.sleep(15_000);
        long outageStart = System.nanoTime();
        line.mode(Mode.ERROR_500);
        Thread.sleep(ERROR_SECONDS * 1000);
        line.mode(Mode.RATE_LIMITED_429);
        Thread.sleep(RATE_LIMIT_SECONDS * 1000);
        line.mode(Mode.SLOW);
        Thread.sleep(SLOW_SECONDS * 1000);
        int acceptedBefore = line.acceptedPushes.size() + line.acceptedReplies.size();
        line.mode(Mode.UP);
        long recoveredAt = System.nanoTime();
        double resumed = -1;
        while (resumed < 0 && System.nanoTime() - recoveredAt < 180_000_000_000L) {
          if (line.lastAcceptedNanos() > recoveredAt
              && line.acceptedPushes.size() + line.acceptedReplies.size() > acceptedBefore) {
            resumed = (line.lastAcceptedNanos() - recoveredAt) / 1e9;
          }
          Thread.sleep(200);
        }
        Thread.sleep(10_000);
        load.close();

        List<Request> requests = load.requests();
        Latencies outageAcks = new Latencies(requests.stream().filter(r -> r.kind().equals("webhook"))
            .filter(r -> r.sentNanos() >= outageStart && r.sentNanos() <= recoveredAt).mapToLong(Request::micros).toArray());
        long badAcks = requests.stream().filter(r -> r.kind().equals("webhook") && r.status() != 200).count();
        SteadyLoad.Settled settled = load.settle(app.baseUrl(), residents, webhooks, 300);
        try (DrillDatabase database = DrillDatabase.embedded(data)) {
          double drained = database.awaitDrained(600);
          double drainedAfterRecovery = (System.nanoTime() - recoveredAt) / 1e9;
          List<String> numbers = settled.numbers().values().stream().distinct().toList();
          List<String> keys = database.receiptRetryKeys(numbers);
          long accepted = keys.stream().filter(line.acceptedPushes::containsKey).count();
          long failed = database.count("SELECT count(*) FROM notification_outbox WHERE status = 'FAILED'");
          long eventsFailed = database.count("SELECT count(*) FROM line_inbox WHERE status = 'FAILED'");
          List<Event> events = settled.events();
          long answeredOnce = events.stream().filter(event -> event.answers(line) == 1).count();
          long answeredTwice = events.stream().filter(event -> event.answers(line) > 1).count();
          System.out.printf("DRILL line: outage %d s of 500, %d s of 429 (Retry-After 10), %d s of answers after 15 s; "
              + "LINE refused %d calls on purpose; first message accepted %.1f s after LINE recovered; all drained "
              + "%.1f s after recovery%n", ERROR_SECONDS, RATE_LIMIT_SECONDS, SLOW_SECONDS, line.failedOnPurpose.get(),
              resumed, drainedAfterRecovery);
          System.out.printf("DRILL line: notifications %d, accepted by LINE once each %d (retried under the same key "
              + "and refused with 409: %d), FAILED %d; webhook events %d, answered exactly once %d, twice %d, failed "
              + "%d; acknowledgements during the outage: %s, not 200: %d%n", keys.size(), accepted,
              line.repeatedRetryKeys.get(), failed, events.size(), answeredOnce, answeredTwice, eventsFailed,
              outageAcks.summary(), badAcks);
          assertThat(drained).isGreaterThanOrEqualTo(0);
          assertThat(resumed).as("delivery resumed (s after recovery)").isBetween(0.0, 60.0);
          assertThat(failed + eventsFailed).isZero();
          assertThat(accepted).isEqualTo(keys.size());
          assertThat(answeredOnce).isEqualTo(events.size());
          assertThat(badAcks).isZero();
          assertThat(settled.failures()).isEmpty();
        }
      } finally {
        app.close();
      }
    }
  }
}
