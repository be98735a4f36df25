package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.LineWebhooks;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.notification.NotificationRelay;
import jp.madoguchi.tenant.TenantKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figures for the LINE channel, printed to the console (lines starting with BENCHMARK).
 * The app runs as in production (durable PostgreSQL commits, background handling on); LINE's
 * side runs in separate processes on 127.0.0.1: wrk (from Debian) replays pre-signed webhooks,
 * a small Java stand-in answers the push and reply endpoints.
 * Run: {@code apt-get install -y wrk && ./mvnw -pl app -Pbenchmark test -Dtest=LineBenchmark}
 */
@Tag("benchmark")
class LineBenchmark {

  private static final int RATE = 500;
  private static final int WARMUP_SECONDS = 15;
  private static final int MEASURED_SECONDS = 20;
  private static final int PUSHES = 10_000;
  private static final int CONNECTIONS = 14;

  @Test
  void webhookAcknowledgementAndRelayThroughput() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    Process standIn = java(LocalLineStandIn.class.getName());
    try {
      BufferedReader standInOutput = new BufferedReader(new InputStreamReader(standIn.getInputStream()));
      String lineBase = "http://127.0.0.1:" + standInOutput.readLine().substring("PORT ".length());
      try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MadoguchiApplication.class).run(
          "--server.port=0",
          "--madoguchi.embedded-db.data-dir=" + Files.createTempDirectory("madoguchi-bench-"),
          "--madoguchi.tenants-seed=classpath:seed/test-tenants.yaml",
          "--madoguchi.line.api-base-url=" + lineBase,
          "--madoguchi.line.data-api-base-url=" + lineBase,
          "--madoguchi.line.workers-enabled=" + System.getProperty("bench.workers", "true"),
          "--logging.level.root=WARN")) {
        webhook(app, lineBase);
        relay(app, lineBase);
      }
    } finally {
      standIn.destroy();
    }
  }

  private void webhook(ConfigurableApplicationContext app, String lineBase) throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    String url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/line/demo/webhook";
    List<String> warmupIds = new ArrayList<>();
    List<String> measuredIds = new ArrayList<>();
    wrk(url, WARMUP_SECONDS, requests(RATE * (WARMUP_SECONDS + 5), warmupIds));
    String result = wrk(url, MEASURED_SECONDS, requests(RATE * (MEASURED_SECONDS + 5), measuredIds));

    int sent = Integer.parseInt(result.replaceAll(".*requests=(\\d+).*", "$1"));
    // wrk builds one request ahead of time to check the script (the file's first line is never sent); the
    // requests still in flight when wrk stops are neither counted as answered nor as lost
    String[] completed = measuredIds.subList(1, sent + 1).stream().distinct().toArray(String[]::new);
    String[] issued = measuredIds.subList(1, Math.min(measuredIds.size(), sent + 1 + CONNECTIONS)).stream().distinct()
        .toArray(String[]::new);
    long storedOfCompleted = count(jdbc, "SELECT count(*) FROM line_inbox WHERE webhook_event_id = ANY (?)", completed);
    long storedOfIssued = count(jdbc, "SELECT count(*) FROM line_inbox WHERE webhook_event_id = ANY (?)", issued);
    long duplicates = jdbc.queryForObject("SELECT count(*) - count(DISTINCT (tenant_id, webhook_event_id)) FROM line_inbox",
        Long.class);
    for (int i = 0; i < 600 && jdbc.queryForObject("SELECT count(*) FROM line_inbox WHERE status <> 'DONE'", Long.class) > 0;
        i++) {
      Thread.sleep(100);
    }
    long handled = jdbc.queryForObject("SELECT count(*) FROM line_inbox WHERE status = 'DONE'", Long.class);
    long all = jdbc.queryForObject("SELECT count(*) FROM line_inbox", Long.class);
    System.out.printf("BENCHMARK webhook ack, target %d signed events/s for %d s after %d s warm-up (1 in 20 a "
        + "redelivery), wrk 14 connections: %s%n", RATE, MEASURED_SECONDS, WARMUP_SECONDS, result);
    System.out.printf("BENCHMARK webhook inbox: %d distinct events answered 200, %d of them stored (lost %d); "
        + "duplicate rows %d; in-flight at the end stored: %d; handled afterwards: %d of %d; LINE stand-in: %s%n",
        completed.length, storedOfCompleted, completed.length - storedOfCompleted, duplicates,
        storedOfIssued - storedOfCompleted, handled, all, stats(lineBase));
    assertThat(storedOfCompleted).isEqualTo(completed.length);
    assertThat(duplicates).isZero();
  }

  /** Pre-signed requests, one per line: signature TAB body. */
  private static Path requests(int count, List<String> ids) throws Exception {
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean redelivery = i % 20 == 19;
      String id = redelivery ? ids.get(i - 1) : LineWebhooks.newEventId();
      ids.add(id);
      String body = LineWebhooks.body(LineWebhooks.textEvent(id, "Ubench" + (i % 200), "r" + id + i, "こんにちは",
          redelivery));
      lines.add(LineWebhooks.sign(LineWebhooks.DEMO_SECRET, body.getBytes(StandardCharsets.UTF_8)) + "\t" + body);
    }
    Path file = Files.createTempFile("webhook-requests", ".tsv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static String wrk(String url, int seconds, Path requests) throws Exception {
    Path script = Files.createTempFile("webhook", ".lua");
    try (var in = LineBenchmark.class.getResourceAsStream("/benchmark/webhook.lua")) {
      Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    // each connection pauses so that CONNECTIONS connections together send about RATE requests a second
    long pauseMillis = Math.max(1, CONNECTIONS * 1000L / RATE - 5);
    Process wrk;
    try {
      wrk = new ProcessBuilder("wrk", "-t1", "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout", "5s", "--latency",
          "-s", script.toString(), url, "--", requests.toString(), String.valueOf(pauseMillis))
          .redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("wrk is needed for this benchmark: apt-get install -y wrk", e);
    }
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(wrk.waitFor()).as(output).isZero();
    return output.lines().filter(line -> line.startsWith("WRK ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output)).substring(4);
  }

  private static long count(JdbcTemplate jdbc, String sql, String[] ids) {
    return jdbc.queryForObject(sql, Long.class, (Object) ids);
  }

  private void relay(ConfigurableApplicationContext app, String lineBase) throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    TenantKeys keys = app.getBean(TenantKeys.class);
    NotificationRelay relay = app.getBean(NotificationRelay.class);
    String processInstanceId = "bench-" + UUID.randomUUID();
    List<Object[]> rows = new ArrayList<>(PUSHES);
    for (int i = 0; i < PUSHES; i++) {
      String message = "{\"text\":\"ベンチマーク " + i + "\",\"applicationNumber\":\"2026-" + String.format("%06d", i)
          + "\",\"linkToStatus\":true}";
      rows.add(new Object[] {UUID.randomUUID(), "demo", processInstanceId, "Task_Benchmark", "Ubenchpush" + (i % 500),
          keys.encrypt("demo", "notification_outbox.message", message), UUID.randomUUID()});
    }
    // queued a day ahead so that the background relay leaves them alone until the clock starts
    jdbc.batchUpdate("""
        INSERT INTO notification_outbox (id, tenant_id, process_instance_id, activity_id, resident_ref, message,
                                         retry_key, next_attempt_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, now() + interval '1 day')""", rows);
    String before = stats(lineBase);

    long start = System.nanoTime();
    jdbc.update("UPDATE notification_outbox SET next_attempt_at = now() WHERE process_instance_id = ?", processInstanceId);
    long sent = 0;
    while (sent < PUSHES && System.nanoTime() - start < 120_000_000_000L) {
      relay.relayDue();
      sent = jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE process_instance_id = ? "
          + "AND status = 'SENT'", Long.class, processInstanceId);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("BENCHMARK relay: %d queued pushes sent in %.2f s = %.0f pushes/s; LINE stand-in before %s, "
        + "after %s%n%n", sent, seconds, sent / seconds, before, stats(lineBase));
    assertThat(sent).isEqualTo(PUSHES);
  }

  private static String stats(String lineBase) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lineBase + "/stats")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }

  private static Process java(String mainClass, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
