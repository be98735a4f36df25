package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.LineIdTokens;
import bareengine.BareEngineApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The submission path against the bare engine, in the same run, one after the other, each app in a
 * JVM of its own with its default configuration (Madoguchi: logging, LINE workers, job executor as
 * shipped): resident submissions of 粗大ごみ through {@code POST /api/demo/applications} (ID token,
 * form check, encrypted storage, process start; receipt and notification follow in the background)
 * by 2,000 different residents, against {@code POST /engine-rest/process-definition/key/one-task/start}
 * of a bare Spring Boot + Camunda app ({@link BareEngineApplication}: a one-task process, same
 * durable PostgreSQL settings, same pool size). Prints the ratio; the goal is 0.8 or more, and the share
 * of a core each app's JIT compiler took during its warm-up and its measured part.
 * Each app is warmed up with the same load in printed rounds of 10 s until its JIT compiler is idle
 * ({@link CompilerCpu#warmUp}), so both are compared as servers in use. Also prints the CPU each
 * took per operation, the app's and its PostgreSQL's ({@link AppCpu}; Madoguchi's until the
 * receipts and notifications of the measured part are done), and their ratio, which on a machine
 * the load keeps busy predicts the throughput ratio and varies less between runs. The bare engine
 * is also measured starting its one-task process with as many variables as a submission leaves
 * ({@link SubmissionVariables}), and running bulky waste's steps as no-ops with those variables: how
 * much of the gap is the engine's price of the variables and of the procedure itself, and how the
 * submission compares with the same procedure on a bare engine.
 * Run: {@code apt-get install -y wrk && ./mvnw -pl app -Pbenchmark test -Dtest=SubmissionBenchmark}
 * ({@code -Dbench.seconds=30}, {@code -Dbench.warmUpSeconds=20 -Dbench.maxWarmUpSeconds=300}).
 */
@Tag("benchmark")
class SubmissionBenchmark {

  private static final int CONNECTIONS = 8;
  private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  private static final int RESIDENTS = 2_000;

  @Test
  void submissionsAgainstBareOneTaskStarts() throws Exception {
    BareLeg bare;
    BareLeg bareWithVariables;
    BareLeg bareShape;
    Path bareData = BenchmarkFolders.create("bare-engine-");
    try (AppProcess engine = AppProcess.start(BareEngineApplication.class.getName(), AppProcess.freePort(),
        Map.of("BARE_ENGINE_DATA_DIR", bareData.toString()))) {
      System.out.printf("%nBENCHMARK bare engine: pid %d, log %s, started in %.1f s%n", engine.pid(), engine.log(),
          engine.awaitHealthy(AppProcess.START_LIMIT));
      CompilerCpu compiler = new CompilerCpu(engine.pid());
      AppCpu cpu = new AppCpu(engine.pid(), bareData.resolve("postgres"));
      bare = BareLeg.measure(engine, compiler, cpu, "bare engine", "one-task process", "one-task", "{}");
      bareWithVariables = BareLeg.measure(engine, compiler, cpu, "bare engine with variables",
          "one-task process started with a submission's " + SubmissionVariables.count() + " variables", "one-task",
          SubmissionVariables.startBody(true));
      bareShape = BareLeg.measure(engine, compiler, cpu, "bare procedure shape",
          "bulky waste's steps as no-ops, started with its variables", "procedure-shape",
          SubmissionVariables.startBody(false));
    }
    int apiWarmUp;
    CompilerCpu.Measured<Wrk.Result> api;
    try (LocalLineStandIn line = new LocalLineStandIn()) {
      Path data = BenchmarkFolders.create("madoguchi-submission-bench-");
      Map<String, String> environment = new java.util.HashMap<>(Map.of("MADOGUCHI_DATA_DIR", data.toString(),
          "LINE_API_BASE_URL", line.baseUrl(), "LINE_DATA_API_BASE_URL", line.baseUrl()));
      // -Dmadoguchi.audit.access-log=false: the same run without the access log, to measure what it costs
      String accessLog = System.getProperty("madoguchi.audit.access-log");
      if (accessLog != null) {
        environment.put("MADOGUCHI_AUDIT_ACCESSLOG", accessLog);
      }
      try (AppProcess app = AppProcess.madoguchi(AppProcess.freePort(), environment)) {
        System.out.printf("BENCHMARK madoguchi (access log %s): pid %d, log %s, started in %.1f s%n",
            accessLog == null ? "on" : accessLog, app.pid(), app.log(),
            app.awaitHealthy(AppProcess.START_LIMIT));
        String url = app.baseUrl() + "/api/demo/applications";
        Path body = write("{\"procedureKey\": \"bulky-waste-collection\", \"clientRequestId\": \"{{uuid}}\", \"data\": "
            + Residents.DATA + "}");
        String bearers = "@" + residentTokens();
        CompilerCpu compiler = new CompilerCpu(app.pid());
        apiWarmUp = compiler.warmUp(seconds -> Wrk.run("post.lua", url, CONNECTIONS, seconds, body.toString(), bearers,
            "0"), (from, to, round) -> printRound("madoguchi", from, to, round));
        try (DrillDatabase database = DrillDatabase.embedded(data)) {
          database.awaitDrained(600);
          AppCpu cpu = new AppCpu(app.pid(), data.resolve("postgres"));
          AppCpu.Seconds before = cpu.used();
          api = compiler.during(() -> Wrk.run("post.lua", url, CONNECTIONS, SECONDS, body.toString(), bearers, "0"));
          var backlog = database.backlog();
          double drained = database.awaitDrained(900);
          AppCpu.Seconds apiCpu = cpu.used().minus(before);
          System.out.printf("BENCHMARK bare one-task REST start, %d connections, %d s after %d s of warm-up: %s; %s%n",
              CONNECTIONS, SECONDS, bare.warmUpSeconds(), bare.load().result().line(), bare.load().compilerPercent());
          System.out.printf("BENCHMARK resident API submission (bulky waste, %d residents, default configuration), "
              + "%d connections, %d s after %d s of warm-up: %s; %s%n", RESIDENTS, CONNECTIONS, SECONDS, apiWarmUp,
              api.result().line(), api.compilerPercent());
          System.out.printf("BENCHMARK API/bare throughput ratio: %.2f (goal 0.8); background work left by the load: "
              + "%s, drained %.1f s later%n", api.result().value("rate") / bare.rate(), backlog, drained);
          double submissionCpu = (apiCpu.app() + apiCpu.database()) / api.result().value("requests");
          System.out.printf("BENCHMARK CPU per bare start: %s; per submission, its receipt and notification included "
              + "(until drained): %s; CPU ratio %.2f%n", bare.cpuPerStart(),
              apiCpu.perOperation(api.result().value("requests")), bare.cpuSecondsPerStart() / submissionCpu);
          for (BareLeg leg : List.of(bareWithVariables, bareShape)) {
            System.out.printf("BENCHMARK %s (%s): %s; CPU per start %s (jobs drained %.1f s after the load); "
                + "submission/this throughput ratio %.2f, CPU ratio %.2f%n", leg.label(), leg.description(),
                leg.load().result().line(), leg.cpuPerStart(), leg.drainedSeconds(),
                api.result().value("rate") / leg.rate(), leg.cpuSecondsPerStart() / submissionCpu);
          }
          System.out.println();
        }
      }
    }
    for (BareLeg leg : List.of(bare, bareWithVariables, bareShape)) {
      assertThat(leg.load().result().value("non2xx")).as(leg.label() + ": starts refused").isZero();
    }
    assertThat(api.result().value("non2xx")).as("submissions shed or refused").isZero();
  }

  /** One load on the bare engine: warmed up until its compiler is idle, then measured, its jobs drained. */
  private record BareLeg(String label, String description, int warmUpSeconds, CompilerCpu.Measured<Wrk.Result> load,
      AppCpu.Seconds cpu, double drainedSeconds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static BareLeg measure(AppProcess engine, CompilerCpu compiler, AppCpu cpu, String label, String description,
        String processKey, String startBody) throws Exception {
      String url = engine.baseUrl() + "/engine-rest/process-definition/key/" + processKey + "/start";
      Path body = write(startBody);
      int warmUp = compiler.warmUp(seconds -> Wrk.run("post.lua", url, CONNECTIONS, seconds, body.toString(), "none",
          "0"), (from, to, round) -> printRound(label, from, to, round));
      awaitNoJobs(engine);
      AppCpu.Seconds before = cpu.used();
      CompilerCpu.Measured<Wrk.Result> load = compiler.during(() -> Wrk.run("post.lua", url, CONNECTIONS, SECONDS,
          body.toString(), "none", "0"));
      double drained = awaitNoJobs(engine);
      return new BareLeg(label, description, warmUp, load, cpu.used().minus(before), drained);
    }

    double rate() {
      return load.result().value("rate");
    }

    double cpuSecondsPerStart() {
      return (cpu.app() + cpu.database()) / load.result().value("requests");
    }

    String cpuPerStart() {
      return cpu.perOperation(load.result().value("requests"));
    }

    /** Waits until the engine has no job left (the procedure shape's receipts), at most 10 minutes. */
    private static double awaitNoJobs(AppProcess engine) throws Exception {
      long started = System.nanoTime();
      HttpClient http = HttpClient.newHttpClient();
      URI count = URI.create(engine.baseUrl() + "/engine-rest/job/count");
      while (System.nanoTime() - started < 600e9) {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(count).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        if (JSON.readTree(answer.body()).path("count").asLong(-1) == 0) {
          return (System.nanoTime() - started) / 1e9;
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("the bare engine's jobs did not drain within 10 minutes");
    }
  }

  private static void printRound(String app, int from, int to, CompilerCpu.Measured<Wrk.Result> round) {
    System.out.printf("BENCHMARK %s warm-up %3d-%3d s: rate=%.1f/s non2xx=%.0f; %s%n", app, from, to,
        round.result().value("rate"), round.result().value("non2xx"), round.compilerPercent());
  }

  /** One LIFF session per resident: each request of the load picks one of these residents' ID tokens. */
  private static Path residentTokens() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int resident = 0; resident < RESIDENTS; resident++) {
      lines.append("Bearer ").append(LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, Residents.userId(resident)))
          .append('\n');
    }
    return write(lines.toString());
  }

  private static Path write(String content) throws Exception {
    Path file = Files.createTempFile("bench", ".txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
