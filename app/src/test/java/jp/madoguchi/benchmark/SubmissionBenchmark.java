package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.MadoguchiApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Resident submissions through {@code POST /api/{tenant}/applications} (ID token check, form
 * validation, encrypted storage, process start, receipt queued by the job executor) by 200 different
 * residents (LIFF sessions) against a bare
 * Camunda REST start of the same procedure, in the same run, on durable PostgreSQL.
 * Run: {@code apt-get install -y wrk && ./mvnw -pl app -Pbenchmark test -Dtest=SubmissionBenchmark}
 */
@Tag("benchmark")
class SubmissionBenchmark {

  private static final int CONNECTIONS = 8;
  private static final int SECONDS = 20;
  private static final int RESIDENTS = 200;
  private static final long DRAIN_LIMIT_NANOS = 240_000_000_000L;
  private static final String DATA = """
      "items": [{"name": "ソファ", "size": "L", "quantity": 1}], "applicantName": "山田 花子", "address": "デモ市中央1-2-3",
      "preferredDate1": "2026-12-10", "phone": "090-1234-5678\"""";

  @Test
  void submissionsAgainstBareRestStarts() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    // LINE Login's key set, served locally: the residents' ID tokens are signed with its key
    WireMockServer lineLogin = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    lineLogin.start();
    LineIdTokens.publish(lineLogin, LineIdTokens.LINE);
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MadoguchiApplication.class).run(
        "--server.port=0",
        "--madoguchi.line.api-base-url=" + lineLogin.baseUrl(),
        "--madoguchi.line.data-api-base-url=" + lineLogin.baseUrl(),
        "--madoguchi.embedded-db.data-dir=" + Files.createTempDirectory("madoguchi-bench-"),
        "--madoguchi.line.workers-enabled=false",
        "--logging.level.root=WARN")) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      Path restBody = write("""
          {"variables": {
            "items": {"type": "Json", "value": "[{\\"name\\":\\"ソファ\\",\\"size\\":\\"L\\",\\"quantity\\":1}]"},
            "applicantName": {"value": "山田 花子"}, "address": {"value": "デモ市中央1-2-3"}, "preferredDate1": {"value": "2026-12-10"},
            "phone": {"value": "090-1234-5678"}}}""");
      Path apiBody = write("{\"procedureKey\": \"bulky-waste-collection\", \"clientRequestId\": \"{{uuid}}\", "
          + "\"data\": {" + DATA + "}}");
      String basic = "Basic " + Base64.getEncoder().encodeToString("demo-admin:Madoguchi-Admin-2026!"
          .getBytes(StandardCharsets.UTF_8));
      Path bearers = residentTokens();
      String bearer = "@" + bearers;
      String restUrl = base + "/engine-rest/process-definition/key/bulky-waste-collection/start";
      String apiUrl = base + "/api/demo/applications";
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

      Wrk.run("post.lua", restUrl, CONNECTIONS, 10, restBody.toString(), basic, "0");
      Wrk.run("post.lua", apiUrl, CONNECTIONS, 10, apiBody.toString(), bearer, "0");
      long before = jdbc.queryForObject("SELECT count(*) FROM application", Long.class);
      Wrk.Result rest = Wrk.run("post.lua", restUrl, CONNECTIONS, SECONDS, restBody.toString(), basic, "0");
      Wrk.Result api = Wrk.run("post.lua", apiUrl, CONNECTIONS, SECONDS, apiBody.toString(), bearer, "0");
      long applications = jdbc.queryForObject("SELECT count(*) FROM application", Long.class) - before;
      // 16 connections, each pausing 120 ms after its answer: a little over 100 requests a second
      Wrk.Result paced = Wrk.run("post.lua", apiUrl, 16, SECONDS, apiBody.toString(), bearer, "120");

      System.out.printf("%nBENCHMARK bare Camunda REST start, %d connections, %d s: %s%n", CONNECTIONS, SECONDS, rest.line());
      System.out.printf("BENCHMARK resident API submission, %d connections, %d s: %s%n", CONNECTIONS, SECONDS, api.line());
      System.out.printf("BENCHMARK API/REST throughput ratio: %.2f; applications stored during the two runs: %d%n",
          api.value("rate") / rest.value("rate"), applications);
      System.out.printf("BENCHMARK resident API submission at ~100/s (16 connections, 120 ms pause): %s%n", paced.line());
      drainReceipts(app);
      assertThat(rest.value("non2xx")).isZero();
      assertThat(api.value("non2xx")).isZero();
      assertThat(paced.value("non2xx")).isZero();
    } finally {
      lineLogin.stop();
    }
  }

  /** The receipts (PDF, signed) are made by the job executor in the background: how long until all exist. */
  private static void drainReceipts(ConfigurableApplicationContext app) throws InterruptedException {
    ManagementService management = app.getBean(ManagementService.class);
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    long queued = management.createJobQuery().executable().count();
    long issuedBefore = jdbc.queryForObject("SELECT count(*) FROM document", Long.class);
    long start = System.nanoTime();
    while (management.createJobQuery().executable().count() > 0 && System.nanoTime() - start < DRAIN_LIMIT_NANOS) {
      Thread.sleep(500);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long issued = jdbc.queryForObject("SELECT count(*) FROM document", Long.class) - issuedBefore;
    System.out.printf("BENCHMARK receipts still queued after the load: %d; %d issued in the next %.1f s (%.1f/s); "
        + "left: %d%n%n", queued, issued, seconds, issued / seconds, management.createJobQuery().executable().count());
  }

  /** One LIFF session per resident: each request of the load picks one of these residents' ID tokens. */
  private static Path residentTokens() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int resident = 0; resident < RESIDENTS; resident++) {
      lines.append("Bearer ").append(LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, "U%032d".formatted(resident)))
          .append('\n');
    }
    return write(lines.toString());
  }

  private static Path write(String body) throws Exception {
    Path file = Files.createTempFile("body", ".json");
    Files.writeString(file, body, StandardCharsets.UTF_8);
    return file;
  }
}
