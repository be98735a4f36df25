package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.madoguchi.LineWebhooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhook acknowledgement latency at a constant 500 signed events a second, paced open loop (each
 * request is sent at its planned moment whatever the earlier ones are doing, and its latency counts
 * from that moment, so a stall is not hidden), against the default configuration: handlers on,
 * every event answered through the Reply API of a LINE stand-in in a process of its own, default
 * logging. Goal: p99 below 20 ms. One event in twenty is a redelivery of the one before. The
 * generator ({@link PacedSender}) sends over 64 keep-alive connections ({@code -Dbench.connections}).
 * <p>The load warms the app up in rounds of 10 s, each printed, until its JIT compiler is nearly idle
 * (on two cores the compiler takes up to two thirds of one for the first minute or two of load, which
 * is what a freshly started node answers with), then measures; the JIT's share of the measured part
 * is printed beside its figures.
 * Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=LineBenchmark} ({@code -Dbench.rate=500 -Dbench.seconds=30
 * -Dbench.warmUpSeconds=20 -Dbench.maxWarmUpSeconds=300}; equal minimum and maximum warm up for a fixed time).
 */
@Tag("benchmark")
class LineBenchmark {

  private static final int RATE = Integer.getInteger("bench.rate", 500);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  /** LINE's platform delivers over many connections at once; like it, a fixed set of keep-alive connections. */
  private static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);

  @Test
  void webhookAcknowledgementAtAConstantRate() throws Exception {
    Process standIn = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), LocalLineStandIn.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String lineBase = "http://127.0.0.1:" + new BufferedReader(new InputStreamReader(standIn.getInputStream()))
          .readLine().substring("PORT ".length());
      Path data = BenchmarkFolders.create("madoguchi-line-bench-");
      try (AppProcess app = AppProcess.madoguchi(AppProcess.freePort(), Map.of("MADOGUCHI_DATA_DIR", data.toString(),
          "LINE_API_BASE_URL", lineBase, "LINE_DATA_API_BASE_URL", lineBase))) {
        System.out.printf("%nBENCHMARK webhook: app pid %d, log %s, started in %.1f s%n", app.pid(), app.log(),
            app.awaitHealthy(AppProcess.START_LIMIT));
        String url = app.baseUrl() + "/line/demo/webhook";
        CompilerCpu compiler = new CompilerCpu(app.pid());
        int warmedUp = compiler.warmUp(seconds -> paced(url, RATE * seconds), (from, to, round) -> {
          System.out.printf("BENCHMARK webhook warm-up %3d-%3d s: %s; not 200: %d; %s%n", from, to,
              round.result().latencies().summary(), round.result().failed(), round.compilerPercent());
          assertThat(round.result().failed()).isZero();
        });
        PacedSender.Result measured;
        try (KdamondWatch kdamond = KdamondWatch.start()) {
          StolenCpu stolen = StolenCpu.start();
          CompilerCpu.Measured<PacedSender.Result> run = compiler.during(() -> paced(url, RATE * SECONDS));
          measured = run.result();
          System.out.printf("BENCHMARK webhook ack, %d signed events/s paced open loop for %d s after %d s warm-up "
              + "(1 in 20 a redelivery), %s: %s; not 200: %d; sent at %.0f/s; %s%n", RATE, SECONDS, warmedUp,
              System.getProperty("bench.appArgs", "").isBlank() ? "default configuration" : System.getProperty("bench.appArgs"),
              measured.latencies().summary(), measured.failed(), measured.achievedRate(), run.compilerPercent());
          System.out.printf("BENCHMARK webhook machine: %s; %s%n", kdamond.report(measured.schedule(), 10),
              stolen.report());
        }
        try (DrillDatabase database = DrillDatabase.embedded(data)) {
          double drained = database.awaitDrained(300);
          long duplicates = database.count("SELECT count(*) - count(DISTINCT webhook_event_id) FROM line_inbox");
          long handled = database.count("SELECT count(*) FROM line_inbox WHERE status = 'DONE'");
          long stored = database.count("SELECT count(*) FROM line_inbox");
          System.out.printf("BENCHMARK webhook inbox: %d stored (duplicate rows %d), %d handled, drained %.1f s after "
              + "the load; LINE stand-in: %s%n%n", stored, duplicates, handled, drained, stats(lineBase));
          assertThat(measured.failed()).isZero();
          assertThat(duplicates).isZero();
          assertThat(handled).isEqualTo(stored);
        }
      }
    } finally {
      standIn.getOutputStream().close();
      standIn.waitFor();
    }
  }

  /** Sends {@code count} events at RATE a second, each at its planned time; latency from that time. */
  private static PacedSender.Result paced(String url, int count) throws Exception {
    List<byte[]> requests = new ArrayList<>(count);
    String previous = null;
    for (int i = 0; i < count; i++) {
      boolean redelivery = i % 20 == 19;
      String id = redelivery ? previous : LineWebhooks.newEventId();
      previous = id;
      byte[] body = LineWebhooks.body(LineWebhooks.textEvent(id, "Ubench" + (i % 200), "rt-" + id + "-" + i,
          "こんにちは", redelivery)).getBytes(StandardCharsets.UTF_8);
      requests.add(PacedSender.post(URI.create(url), Map.of("Content-Type", "application/json; charset=utf-8",
          "x-line-signature", LineWebhooks.sign(WebhookEvents.DEMO_CHANNEL_SECRET, body)), body));
    }
    return PacedSender.send(URI.create(url), requests, RATE, CONNECTIONS);
  }

  private static String stats(String lineBase) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lineBase + "/stats")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }
}
