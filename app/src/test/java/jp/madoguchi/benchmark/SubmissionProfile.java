package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where the time of a submission goes: runs Madoguchi (default configuration, with a flight
 * recording) on a PostgreSQL that has {@code pg_stat_statements} loaded, files a fixed number of
 * resident submissions, waits until their receipts and notifications are done, and prints every
 * statement per submission (calls, rows, time) and the statements and round trips in total.
 * Needs a PostgreSQL started with {@code shared_preload_libraries=pg_stat_statements} and an empty
 * database, e.g. Debian's: {@code pg_ctl -D ... -o "-p 5541 -c shared_preload_libraries=pg_stat_statements"}.
 * It also prints the access log's share of the work (issue: at most 5 % of the submission path):
 * its statements' share of the database time and the share of the app's CPU samples (flight
 * recording, measured part only) that are the audit package's own work. The tables are analyzed
 * after the warm-up, as autovacuum does on a database in use.
 * Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=SubmissionProfile
 * -Dprofile.jdbcUrl=jdbc:postgresql://127.0.0.1:5541/madoguchi -Dprofile.user=postgres}
 */
@Tag("benchmark")
class SubmissionProfile {

  private static final int SUBMISSIONS = Integer.getInteger("profile.submissions", 1_000);
  private static final int WARM_UP = 300;
  private static final int CLIENTS = 8;

  @Test
  void statementsPerSubmission() throws Exception {
    String url = System.getProperty("profile.jdbcUrl");
    String user = System.getProperty("profile.user", "postgres");
    String password = System.getProperty("profile.password", "");
    assertThat(url).as("-Dprofile.jdbcUrl=... of a PostgreSQL with pg_stat_statements").isNotBlank();
    Path recording = Files.createTempFile("submission-", ".jfr");
    java.time.Instant measuredFrom;
    Map<String, Object> auditDatabase;
    try (LocalLineStandIn line = new LocalLineStandIn();
        AppProcess app = AppProcess.start(List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=profile"),
            "jp.madoguchi.MadoguchiApplication", AppProcess.freePort(), Map.of(
                "SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", user, "SPRING_DATASOURCE_PASSWORD", password,
                "MADOGUCHI_MASTER_KEY", Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)),
                "MADOGUCHI_TENANTS_SEED", "classpath:seed/demo-tenants.yaml",
                "LINE_API_BASE_URL", line.baseUrl(), "LINE_DATA_API_BASE_URL", line.baseUrl()));
        DrillDatabase database = DrillDatabase.of(url, user, password)) {
      System.out.printf("%nBENCHMARK profile: app pid %d, log %s, started in %.1f s; flight recording %s%n", app.pid(),
          app.log(), app.awaitHealthy(AppProcess.START_LIMIT), recording);
      Residents residents = new Residents(2_000);
      submit(app.baseUrl(), residents, WARM_UP);
      database.awaitDrained(600);
      // the tables were empty a minute ago: without this the app's cached plans may still be the
      // ones made for empty tables (seen: the variable read of every receipt scanned a whole index)
      database.jdbc.execute("ANALYZE");
      database.jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      database.jdbc.execute("SELECT pg_stat_statements_reset()");
      measuredFrom = java.time.Instant.now();
      long start = System.nanoTime();
      submit(app.baseUrl(), residents, SUBMISSIONS);
      double submitted = (System.nanoTime() - start) / 1e9;
      double drained = database.awaitDrained(900);
      List<Map<String, Object>> statements = database.jdbc.queryForList("""
          SELECT round(calls::numeric / ?, 2) AS per_submission, round(rows::numeric / ?, 2) AS rows_per_submission,
                 round((total_exec_time / ?)::numeric, 3) AS ms_per_submission, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS statement
          FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
          WHERE d.datname = current_database() AND query NOT LIKE '%pg_stat_statements%'
          ORDER BY calls DESC, total_exec_time DESC""", SUBMISSIONS, SUBMISSIONS, SUBMISSIONS);
      Map<String, Object> totals = database.jdbc.queryForMap("""
          SELECT round(sum(calls)::numeric / ?, 1) AS statements, round((sum(total_exec_time) / ?)::numeric, 2) AS ms,
                 round(sum(calls) FILTER (WHERE query ~* '^\\s*(commit|begin|rollback)')::numeric / ?, 1) AS transaction_statements
          FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
          WHERE d.datname = current_database() AND query NOT LIKE '%pg_stat_statements%'""",
          SUBMISSIONS, SUBMISSIONS, SUBMISSIONS);
      System.out.printf("BENCHMARK profile: %d submissions in %.1f s (%.1f/s, %d clients), background done %.1f s later; "
          + "per submission, request and background together: %s statements executed (%s of them BEGIN/COMMIT/"
          + "ROLLBACK; the engine sends its inserts as JDBC batches, so round trips are fewer), %s ms of database "
          + "execution%n", SUBMISSIONS, submitted, SUBMISSIONS / submitted,
          CLIENTS, drained, totals.get("statements"), totals.get("transaction_statements"), totals.get("ms"));
      auditDatabase = database.jdbc.queryForMap("""
          SELECT round((100 * sum(total_exec_time) FILTER (WHERE query ~* 'audit_(entry|chain)')
                        / sum(total_exec_time))::numeric, 2) AS percent,
                 round((sum(total_exec_time) FILTER (WHERE query ~* 'audit_(entry|chain)') / ?)::numeric, 3) AS ms
          FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
          WHERE d.datname = current_database() AND query NOT LIKE '%pg_stat_statements%'""", SUBMISSIONS);
      statements.forEach(row -> System.out.printf("BENCHMARK profile statement: %6s calls %6s rows %7s ms  %s%n",
          row.get("per_submission"), row.get("rows_per_submission"), row.get("ms_per_submission"), row.get("statement")));
    }
    System.out.printf("BENCHMARK profile: access log %s %% of the database time (%s ms per submission), %s of the "
        + "app's CPU samples%n", auditDatabase.get("percent"), auditDatabase.get("ms"),
        auditSamples(recording, measuredFrom));
    System.out.printf("BENCHMARK profile: flight recording %s (jfr print --events jdk.ExecutionSample %s | ...)%n%n",
        recording, recording);
  }

  /**
   * Execution samples taken after {@code from} that are the audit package's own work: the nearest
   * Madoguchi frame to the sampled one is in the audit package, and the sample is not the rest of
   * the request running inside the access-log filter (no filter-chain call between the two).
   */
  private static String auditSamples(Path recording, java.time.Instant from) throws java.io.IOException {
    long all = 0;
    long audit = 0;
    for (jdk.jfr.consumer.RecordedEvent event : jdk.jfr.consumer.RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
          || event.getStackTrace() == null) {
        continue;
      }
      all++;
      if (auditsOwnWork(event.getStackTrace().getFrames())) {
        audit++;
      }
    }
    return String.format("%.2f %% (%d of %d)", all == 0 ? 0 : 100.0 * audit / all, audit, all);
  }

  private static boolean auditsOwnWork(List<jdk.jfr.consumer.RecordedFrame> frames) {
    for (jdk.jfr.consumer.RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      String method = frame.getMethod().getName();
      if (type.startsWith("jp.madoguchi.")) {
        return type.startsWith("jp.madoguchi.audit.");
      }
      if (method.equals("doFilter") || method.equals("doFilterInternal")) {
        return false;
      }
    }
    return false;
  }

  private static void submit(String baseUrl, Residents residents, int count) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      clients.submit(() -> {
        for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
          UUID id = UUID.randomUUID();
          while (!residents.submit(baseUrl, n, id).accepted()) {
            Thread.onSpinWait();
          }
        }
      });
    }
    clients.shutdown();
    clients.awaitTermination(30, TimeUnit.MINUTES);
  }
}
