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
  /** Warm-up at least this long, and longer while the JIT compiler is busy, up to {@link #MAX_WARM_UP_SECONDS}. */
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 20);
  private static final int MAX_WARM_UP_SECONDS = Integer.getInteger("bench.maxWarmUpSeconds", 300);
  private static final int ROUND_SECONDS = 10;
  /** The compiler counts as idle below this share of one core over a round. */
  private static final double IDLE_COMPILER_SHARE = 0.05;
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
        int warmedUp = warmUp(url, compiler);
        double compilerBefore = compiler.seconds();
        long measuring = System.nanoTime();
        PacedSender.Result measured = paced(url, RATE * SECONDS);
        double compilerShare = (compiler.seconds() - compilerBefore) / seconds(System.nanoTime() - measuring);
        System.out.printf("BENCHMARK webhook ack, %d signed events/s paced open loop for %d s after %d s warm-up "
            + "(1 in 20 a redelivery), %s: %s; not 200: %d; sent at %.0f/s; JIT compiler %.0f %% of a core%n", RATE,
            SECONDS, warmedUp,
            System.getProperty("bench.appArgs", "").isBlank() ? "default configuration" : System.getProperty("bench.appArgs"),
            measured.latencies().summary(), measured.failed(), measured.achievedRate(), compilerShare * 100);
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

  /**
   * Rounds of load until at least {@link #WARM_UP_SECONDS} have passed and the compiler was idle in the
   * last round, or {@link #MAX_WARM_UP_SECONDS} have passed.
   *
   * @return seconds of warm-up load
   */
  private static int warmUp(String url, CompilerCpu compiler) throws Exception {
    int elapsed = 0;
    while (true) {
      int round = Math.min(ROUND_SECONDS, Math.max(1, MAX_WARM_UP_SECONDS - elapsed));
      double compilerBefore = compiler.seconds();
      long started = System.nanoTime();
      PacedSender.Result result = paced(url, RATE * round);
      double compilerShare = (compiler.seconds() - compilerBefore) / seconds(System.nanoTime() - started);
      System.out.printf("BENCHMARK webhook warm-up %3d-%3d s: %s; not 200: %d; JIT compiler %.0f %% of a core%n", elapsed,
          elapsed + round, result.latencies().summary(), result.failed(), compilerShare * 100);
      assertThat(result.failed()).isZero();
      elapsed += round;
      if (elapsed >= MAX_WARM_UP_SECONDS || elapsed >= WARM_UP_SECONDS && compilerShare < IDLE_COMPILER_SHARE) {
        return elapsed;
      }
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
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
