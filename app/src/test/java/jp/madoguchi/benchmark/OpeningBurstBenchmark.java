package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jp.madoguchi.benchmark.Residents.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The opening minute of a popular procedure: 20,000 bulky-waste submissions through the LIFF API
 * from 2,000 residents (each an ID token of their own) sent at an even pace within 60 s, against
 * the default configuration. What the server cannot take at once it must shed cleanly (503 with
 * {@code Retry-After}, nothing written); the clients (like the LIFF page) send those again after the
 * given seconds with the same {@code clientRequestId}, and those that got no answer at all (the
 * kernel's queue of new connections full) after 2, 4, 8, 16 and then every 30 seconds. Fails on any
 * other error, on a submission that never gets through, or on a duplicate. Reports throughput,
 * latency, shedding, and the receipt and notification backlog the burst leaves and how long it
 * takes to drain.
 * Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=OpeningBurstBenchmark}
 * (smaller: {@code -Dburst.submissions=5000 -Dburst.seconds=30}).
 */
@Tag("benchmark")
class OpeningBurstBenchmark {

  private static final int SUBMISSIONS = Integer.getInteger("burst.submissions", 20_000);
  private static final int SECONDS = Integer.getInteger("burst.seconds", 60);
  private static final int RESIDENTS = 2_000;
  private static final int WARM_UP = 1_000;
  private static final long SETTLE_LIMIT_SECONDS = 900;

  private record Settled(String number, long firstMicros, long totalMicros, int tries) {
  }

  @Test
  void twentyThousandSubmissionsInAMinute() throws Exception {
    try (LocalLineStandIn line = new LocalLineStandIn()) {
      Path data = BenchmarkFolders.create("madoguchi-burst-");
      try (AppProcess app = AppProcess.madoguchi(AppProcess.freePort(), Map.of("MADOGUCHI_DATA_DIR", data.toString(),
          "LINE_API_BASE_URL", line.baseUrl(), "LINE_DATA_API_BASE_URL", line.baseUrl()))) {
        System.out.printf("%nBENCHMARK opening burst: app pid %d, log %s, started in %.1f s%n", app.pid(), app.log(),
            app.awaitHealthy(AppProcess.START_LIMIT));
        Residents residents = new Residents(RESIDENTS);
        Burst warmUp = new Burst(app.baseUrl(), residents, WARM_UP, 20);
        warmUp.await();
        try (DrillDatabase database = DrillDatabase.embedded(data)) {
          database.awaitDrained(600);
          Burst burst = new Burst(app.baseUrl(), residents, SUBMISSIONS, SECONDS);
          burst.await();
          Map<String, Object> backlog = database.backlog();
          double drained = database.awaitDrained(1_800);
          List<String> numbers = burst.settled.values().stream().map(Settled::number).distinct().toList();
          long applications = database.count("SELECT count(*) FROM application") - WARM_UP;
          Latencies first = new Latencies(burst.settled.values().stream().mapToLong(Settled::firstMicros).toArray());
          Latencies total = new Latencies(burst.settled.values().stream().mapToLong(Settled::totalMicros).toArray());
          Latencies accepted = new Latencies(burst.acceptedMicros.stream().mapToLong(Long::longValue).toArray());
          double elapsed = (burst.lastAcceptedNanos - burst.startNanos) / 1e9;
          System.out.printf("BENCHMARK opening burst: %d submissions from %d residents offered in %d s (%.0f/s); all "
              + "through after %.1f s = %.1f accepted/s; requests %d, shed with 503 + Retry-After %d, without any "
              + "answer (connection refused, reset or timed out; sent again after 2, 4, 8, 16, 30 s) %d, other errors %d, "
              + "never through %d; duplicates %d (applications stored %d, distinct numbers %d)%n", SUBMISSIONS,
              RESIDENTS, SECONDS, SUBMISSIONS / (double) SECONDS, elapsed, burst.settled.size() / elapsed,
              burst.requests.get(), burst.shed.get(), burst.unanswered.get(), burst.errors.get(),
              SUBMISSIONS - burst.settled.size(),
              applications - numbers.size(), applications, numbers.size());
          System.out.printf("BENCHMARK opening burst latency: accepted requests %s; first try of each submission %s; "
              + "submission to acceptance incl. retries %s%n", accepted.summary(), first.summary(), total.summary());
          System.out.printf("BENCHMARK opening burst backlog when the last submission got through: %s; drained %.1f s "
              + "later; LINE accepted %d pushes%n%n", backlog, drained, line.acceptedPushes.size());
          assertThat(burst.errors.get()).isZero();
          assertThat(burst.settled).hasSize(SUBMISSIONS);
          assertThat(numbers).hasSize(SUBMISSIONS);
          assertThat(applications).isEqualTo(SUBMISSIONS);
          assertThat(drained).isGreaterThanOrEqualTo(0);
        }
      }
    }
  }

  /** Submissions sent at an even pace, not waiting for answers; shed ones sent again after Retry-After. */
  private static final class Burst {

    final Map<UUID, Settled> settled = new ConcurrentHashMap<>();
    final List<Long> acceptedMicros = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger shed = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final long startNanos = System.nanoTime();
    volatile long lastAcceptedNanos;
    private final CountDownLatch done;
    private final String baseUrl;
    private final Residents residents;
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(2);

    Burst(String baseUrl, Residents residents, int count, int seconds) {
      this.baseUrl = baseUrl;
      this.residents = residents;
      this.done = new CountDownLatch(count);
      long intervalNanos = seconds * 1_000_000_000L / count;
      Thread pacer = new Thread(() -> {
        for (int i = 0; i < count; i++) {
          long due = startNanos + i * intervalNanos;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          send(i % residents.count(), UUID.randomUUID(), System.nanoTime(), 0, 1, 0);
        }
      }, "burst-pacer");
      pacer.start();
    }

    private void send(int resident, UUID id, long submittedNanos, long firstMicros, int tries, int unansweredInRow) {
      requests.incrementAndGet();
      residents.submitAsync(baseUrl, resident, id).thenAccept(outcome -> answered(outcome, resident, id, submittedNanos,
          tries == 1 ? outcome.micros() : firstMicros, tries, unansweredInRow));
    }

    private void answered(Outcome outcome, int resident, UUID id, long submittedNanos, long firstMicros, int tries,
        int unansweredInRow) {
      if (outcome.accepted()) {
        acceptedMicros.add(outcome.micros());
        lastAcceptedNanos = System.nanoTime();
        if (settled.putIfAbsent(id, new Settled(outcome.applicationNumber(), firstMicros,
            (lastAcceptedNanos - submittedNanos) / 1000, tries)) == null) {
          done.countDown();
        }
      } else if (outcome.retry()) {
        boolean shedByServer = outcome.status() == 503 || outcome.status() == 429;
        (shedByServer ? shed : unanswered).incrementAndGet(); // unanswered: refused, reset or timed out
        int inRow = shedByServer ? 0 : unansweredInRow + 1;
        // as the LIFF page (api.js): Retry-After as given; without any answer after 2, 4, 8, 16, then 30 s
        long delayMillis = (shedByServer ? Math.max(1, outcome.retryAfterSeconds()) : Math.min(30, 1L << inRow)) * 1000L
            + ThreadLocalRandom.current().nextLong(1000);
        retries.schedule(() -> send(resident, id, submittedNanos, firstMicros, tries + 1, inRow), delayMillis,
            TimeUnit.MILLISECONDS);
      } else {
        errors.incrementAndGet();
        done.countDown();
      }
    }

    void await() throws InterruptedException {
      done.await(SETTLE_LIMIT_SECONDS, TimeUnit.SECONDS);
      retries.shutdownNow();
    }
  }
}
