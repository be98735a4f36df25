package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.madoguchi.benchmark.SteadyLoad.Request;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The embedded default's PostgreSQL frozen for 20 s ({@code SIGSTOP} of the server and its
 * processes), then killed ({@code SIGKILL} of the postmaster), under a steady load of submissions
 * and webhooks. Clients must get 201/200 or 503 with {@code Retry-After}, never a 500, and never
 * wait longer than the socket timeout; {@code /actuator/health} must say DOWN within seconds and UP
 * again by itself (the app restarts its own PostgreSQL); afterwards every accepted submission is
 * whole, no application is half-written and no job is stuck.
 * Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=DatabaseOutageDrill} (about 6 minutes on 2 cores).
 */
@Tag("benchmark")
class DatabaseOutageDrill {

  private static final long FREEZE_SECONDS = 20;
  private static final double LONGEST_ACCEPTABLE_WAIT_SECONDS = 20;

  @Test
  void freezeThenKillTheDatabase() throws Exception {
    try (LocalLineStandIn line = new LocalLineStandIn()) {
      Path data = BenchmarkFolders.create("madoguchi-db-drill-");
      AppProcess app = AppProcess.madoguchi(AppProcess.freePort(), Map.of("MADOGUCHI_DATA_DIR", data.toString(),
          "LINE_API_BASE_URL", line.baseUrl(), "LINE_DATA_API_BASE_URL", line.baseUrl()));
      try {
        System.out.printf("%nDRILL database: app pid %d, log %s, started in %.1f s%n", app.pid(), app.log(),
            app.awaitHealthy(AppProcess.START_LIMIT));
        Residents residents = new Residents(200);
        WebhookEvents webhooks = new WebhookEvents();
        SteadyLoad load = new SteadyLoad(app::baseUrl, residents, webhooks, 4, 2, 100);
        Thread.sleep(10_000);

        long postmaster = postmasterPid(data);
        List<Long> server = Stream.concat(Stream.of(postmaster),
            ProcessHandle.of(postmaster).orElseThrow().descendants().map(ProcessHandle::pid)).toList();
        long frozenAt = System.nanoTime();
        signal("STOP", server);
        double down = awaitHealth(app, false, 60);
        Thread.sleep(Math.max(0, FREEZE_SECONDS * 1000 - (System.nanoTime() - frozenAt) / 1_000_000));
        signal("CONT", server);
        long thawedAt = System.nanoTime();
        double up = awaitHealth(app, true, 120);
        Thread.sleep(10_000);

        long killedAt = System.nanoTime();
        signal("KILL", List.of(postmasterPid(data)));
        double downAfterKill = awaitHealth(app, false, 60);
        double upAfterKill = awaitHealth(app, true, 180);
        Thread.sleep(10_000);
        load.close();

        List<Request> requests = load.requests();
        report("freeze", requests, frozenAt, thawedAt, down, up);
        report("kill", requests, killedAt, killedAt + (long) (upAfterKill * 1e9), downAfterKill, upAfterKill);
        List<Request> wrong = requests.stream().filter(r -> !(r.status() == 200 || r.status() == 201
            || (r.status() == 503 && r.retryAfterSeconds() > 0))).toList();
        double longest = requests.stream().mapToLong(Request::micros).max().orElse(0) / 1e6;

        SteadyLoad.Settled settled = load.settle(app.baseUrl(), residents, webhooks, 300);
        try (DrillDatabase database = DrillDatabase.embedded(data)) {
          double drained = database.awaitDrained(600);
          List<String> numbers = settled.numbers().values().stream().distinct().toList();
          List<String> broken = database.brokenSubmissions(numbers);
          long halfWritten = database.count("""
              SELECT count(*) FROM application a WHERE NOT EXISTS
                (SELECT 1 FROM act_hi_procinst p WHERE p.id_ = a.process_instance_id)""");
          long submissionsWithoutApplication = database.count("""
              SELECT count(*) FROM application_submission s WHERE NOT EXISTS
                (SELECT 1 FROM application a WHERE a.tenant_id = s.tenant_id AND a.number = s.application_number)""");
          long stuckJobs = database.count("SELECT count(*) FROM act_ru_job WHERE retries_ = 0");
          long eventsNotDone = database.count("SELECT count(*) FROM line_inbox WHERE status <> 'DONE'");
          System.out.printf("DRILL database: %d requests, answers other than 201/200 or 503 with Retry-After: %d %s; "
              + "longest wait %.1f s; settled %d submissions (%d distinct applications), %d events; drained %.1f s "
              + "later; broken submissions %d %s; applications without a process instance %d; submission keys "
              + "without an application %d; failed jobs %d; events not handled %d; unsettled %s%n", requests.size(),
              wrong.size(), wrong.stream().limit(3).map(r -> r.kind() + " " + r.status()).toList(), longest,
              settled.numbers().size(), numbers.size(), settled.events().size(), drained, broken.size(),
              broken.stream().limit(3).toList(), halfWritten, submissionsWithoutApplication, stuckJobs, eventsNotDone,
              settled.failures().stream().limit(3).toList());
          assertThat(wrong).isEmpty();
          assertThat(longest).isLessThan(LONGEST_ACCEPTABLE_WAIT_SECONDS);
          assertThat(down).as("health DOWN after the freeze (s)").isBetween(0.0, 10.0);
          assertThat(downAfterKill).as("health DOWN after the kill (s)").isBetween(0.0, 10.0);
          assertThat(up).isGreaterThanOrEqualTo(0);
          assertThat(upAfterKill).isGreaterThanOrEqualTo(0);
          assertThat(settled.failures()).isEmpty();
          assertThat(numbers).hasSize(settled.numbers().size());
          assertThat(drained).isGreaterThanOrEqualTo(0);
          assertThat(broken).isEmpty();
          assertThat(halfWritten + submissionsWithoutApplication + stuckJobs + eventsNotDone).isZero();
        }
      } finally {
        app.close();
      }
    }
  }

  private static void report(String fault, List<Request> requests, long from, long to, double down, double up) {
    List<Request> during = requests.stream().filter(r -> r.sentNanos() >= from && r.sentNanos() <= to).toList();
    long unavailable = during.stream().filter(r -> r.status() == 503).count();
    long ok = during.stream().filter(r -> r.status() == 200 || r.status() == 201).count();
    double longest = during.stream().mapToLong(Request::micros).max().orElse(0) / 1e6;
    long[] sorted = during.stream().filter(r -> r.status() == 503).mapToLong(Request::micros).sorted().toArray();
    double median503 = sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e3;
    System.out.printf("DRILL database/%s: health DOWN %.1f s after it, UP again %.1f s after the database came back; "
        + "%d requests sent meanwhile: %d answered 503 (median %.0f ms), %d succeeded, longest wait %.1f s%n", fault,
        down, up, during.size(), unavailable, median503, ok, longest);
  }

  /** Seconds until /actuator/health says UP (or not), -1 after the limit. */
  private static double awaitHealth(AppProcess app, boolean up, long limitSeconds) throws InterruptedException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < limitSeconds * 1_000_000_000L) {
      if (app.healthy() == up) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(200);
    }
    return -1;
  }

  private static long postmasterPid(Path data) throws Exception {
    return Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
  }

  /** The drill's own PostgreSQL processes (started by the app it started), by their ids. */
  private static void signal(String signal, List<Long> pids) throws Exception {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    new ProcessBuilder(command).inheritIO().start().waitFor();
  }
}
