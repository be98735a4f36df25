package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jp.madoguchi.benchmark.WebhookEvents.Event;
import jp.madoguchi.database.EmbeddedDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two app nodes on one PostgreSQL (the embedded binaries run as a server, durable), the way
 * {@code docker/compose.yaml --profile cluster} runs them: throughput with one node, then with
 * both behind a round-robin balancer, then one node killed ({@code kill -9}) mid-burst while the
 * clients go on with the other. The job executor, the notification relay and the LINE inbox of
 * both nodes share their work through PostgreSQL only (row locks, leases): each receipt is issued
 * once, each notification accepted by LINE once, each webhook event answered once, and the
 * survivor finishes what the killed node held once its locks and leases expire.
 * On 2 cores both nodes share the same CPUs: the figures show correctness more than scaling.
 * Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=ClusterDrill} (about 10 minutes on 2 cores).
 */
@Tag("benchmark")
class ClusterDrill {

  private static final int CLIENTS = 8;
  private static final long WARM_UP_MILLIS = 10_000;
  private static final long MEASURE_MILLIS = 20_000;

  @Test
  void twoNodesOneDatabase() throws Exception {
    Path folder = BenchmarkFolders.create("madoguchi-cluster-").resolve("postgres");
    try (EmbeddedDatabase postgres = EmbeddedDatabase.start(folder, 0);
        LocalLineStandIn line = new LocalLineStandIn()) {
      Map<String, String> environment = Map.of(
          "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
          "SPRING_DATASOURCE_USERNAME", "postgres",
          "MADOGUCHI_MASTER_KEY", Base64.getEncoder().encodeToString(new java.security.SecureRandom()
              .generateSeed(32)),
          "MADOGUCHI_TENANTS_SEED", "classpath:seed/demo-tenants.yaml",
          "LINE_API_BASE_URL", line.baseUrl(), "LINE_DATA_API_BASE_URL", line.baseUrl());
      AppProcess first = AppProcess.madoguchi(AppProcess.freePort(), environment);
      AppProcess second = null;
      try {
        System.out.printf("%nDRILL cluster: PostgreSQL on port %d; node A pid %d started in %.1f s (log %s)%n",
            postgres.port(), first.pid(), first.awaitHealthy(AppProcess.START_LIMIT), first.log());
        Residents residents = new Residents(2_000);
        AppProcess a = first;
        double oneNode = throughput(() -> a.baseUrl(), residents);
        second = AppProcess.madoguchi(AppProcess.freePort(), environment);
        System.out.printf("DRILL cluster: node B pid %d started in %.1f s (log %s)%n", second.pid(),
            second.awaitHealthy(AppProcess.START_LIMIT), second.log());
        AppProcess b = second;
        AtomicInteger turn = new AtomicInteger();
        double twoNodes = throughput(() -> turn.getAndIncrement() % 2 == 0 ? a.baseUrl() : b.baseUrl(), residents);
        System.out.printf("DRILL cluster: submissions/s with %d clients for %.0f s: one node %.1f, two nodes %.1f "
            + "(both nodes share the same 2 cores here)%n", CLIENTS, MEASURE_MILLIS / 1e3, oneNode, twoNodes);

        AtomicBoolean bAlive = new AtomicBoolean(true);
        WebhookEvents webhooks = new WebhookEvents();
        SteadyLoad load = new SteadyLoad(() -> bAlive.get() && turn.getAndIncrement() % 2 == 1 ? b.baseUrl()
            : a.baseUrl(), residents, webhooks, 6, 4, 20);
        Thread.sleep(10_000);
        bAlive.set(false);
        second.kill();
        long killedAt = System.nanoTime();
        try (DrillDatabase database = DrillDatabase.of("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
            "postgres", null)) {
          Map<String, Object> held = database.jdbc.queryForMap("""
              SELECT (SELECT count(*) FROM act_ru_job WHERE lock_exp_time_ > now()) AS jobs,
                     (SELECT count(*) FROM line_inbox WHERE status = 'PENDING' AND locked_until > now()) AS events,
                     (SELECT count(*) FROM notification_outbox WHERE status = 'PENDING' AND attempts > 0
                        AND next_attempt_at > now()) AS notifications""");
          Thread.sleep(10_000);
          load.close();
          SteadyLoad.Settled settled = load.settle(a.baseUrl(), residents, webhooks, 300);
          double drained = database.awaitDrained(600);
          double sinceKill = (System.nanoTime() - killedAt) / 1e9;
          List<String> numbers = settled.numbers().values().stream().distinct().toList();
          List<String> broken = database.brokenSubmissions(numbers);
          List<String> keys = database.receiptRetryKeys(numbers);
          long accepted = keys.stream().filter(line.acceptedPushes::containsKey).count();
          List<Event> events = settled.events();
          long answeredOnce = events.stream().filter(event -> event.answers(line) == 1).count();
          long workers = database.count("SELECT count(DISTINCT lock_owner_) FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
          System.out.printf("DRILL cluster: node B killed mid-burst holding (locked or leased at that moment, either "
              + "node) jobs %s, webhook events %s, notifications %s; node A finished everything %.1f s after the kill "
              + "(drained %.1f s after the clients settled)%n", held.get("jobs"), held.get("events"),
              held.get("notifications"), sinceKill, drained);
          System.out.printf("DRILL cluster: %d submissions settled (%d distinct applications), broken %d %s; receipt "
              + "notifications accepted by LINE once %d of %d (refused as repeats: %d); webhook events %d, answered "
              + "exactly once %d; job lock owners seen now %d; unsettled %s%n", settled.numbers().size(), numbers.size(),
              broken.size(), broken.stream().limit(3).toList(), accepted, keys.size(), line.repeatedRetryKeys.get(),
              events.size(), answeredOnce, workers, settled.failures().stream().limit(3).toList());
          assertThat(settled.failures()).isEmpty();
          assertThat(numbers).hasSize(settled.numbers().size());
          assertThat(drained).isGreaterThanOrEqualTo(0);
          assertThat(broken).isEmpty();
          assertThat(accepted).isEqualTo(keys.size());
          assertThat(answeredOnce).isEqualTo(events.size());
        }
      } finally {
        if (second != null) {
          second.close();
        }
        first.close();
      }
    }
  }

  /** Accepted submissions per second, closed loop, spread over the nodes the supplier names. */
  private static double throughput(Supplier<String> node, Residents residents) throws InterruptedException {
    AtomicLong accepted = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      clients.submit(() -> {
        while (running.get()) {
          if (residents.submit(node.get(), next.getAndIncrement(), UUID.randomUUID()).accepted()) {
            accepted.incrementAndGet();
          }
        }
      });
    }
    Thread.sleep(WARM_UP_MILLIS);
    long before = accepted.get();
    long start = System.nanoTime();
    Thread.sleep(MEASURE_MILLIS);
    running.set(false);
    long count = accepted.get() - before;
    double seconds = (System.nanoTime() - start) / 1e9;
    clients.shutdown();
    clients.awaitTermination(60, TimeUnit.SECONDS);
    return count / seconds;
  }
}
