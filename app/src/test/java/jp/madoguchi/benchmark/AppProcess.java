package jp.madoguchi.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An application (Madoguchi or the bare engine) in a JVM of its own, as an operator runs it: default
 * logging to its own log file, killable with SIGKILL like {@code kill -9}. Drills stop only the
 * processes they started, by their handle.
 */
final class AppProcess implements AutoCloseable {

  static final Duration START_LIMIT = Duration.ofMinutes(20);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * Apps a drill has not closed yet: stopped when the test JVM ends early (Ctrl-C), so that none is
   * left running on a data folder that is being deleted.
   */
  private static final Set<AppProcess> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(AppProcess::closeAllStillRunning, "close-apps"));
  }

  private final Process process;
  private final int port;
  private final Path log;

  private AppProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Madoguchi with its default configuration plus the given arguments ({@code --name=value}), except
   * the residents' quota: the benchmarks' residents file many applications each (still checked, never reached).
   */
  static AppProcess madoguchi(int port, Map<String, String> environment, String... arguments) throws IOException {
    List<String> all = new ArrayList<>(List.of("--madoguchi.resident-quota.applications-per-day=1000000",
        "--madoguchi.resident-quota.open-per-procedure=1000000"));
    all.addAll(List.of(arguments));
    return start("jp.madoguchi.MadoguchiApplication", port, environment, all.toArray(String[]::new));
  }

  static AppProcess start(String mainClass, int port, Map<String, String> environment, String... arguments)
      throws IOException {
    return start(List.of(), mainClass, port, environment, arguments);
  }

  /**
   * With JVM options, e.g. a flight recording. {@code -Dbench.appOptions="..."} adds JVM options and
   * {@code -Dbench.appArgs="--name=value ..."} arguments to every app a benchmark starts (a tuned run
   * next to the default one, or a profile of it).
   */
  static AppProcess start(List<String> jvmOptions, String mainClass, int port, Map<String, String> environment,
      String... arguments) throws IOException {
    Path log = Files.createTempFile("app-" + port + "-", ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(fromProperty("bench.appOptions"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, "--server.port=" + port,
        "--logging.config=classpath:benchmark/default-logging.xml"));
    command.addAll(List.of(arguments));
    command.addAll(fromProperty("bench.appArgs"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    AppProcess app = new AppProcess(builder.start(), port, log);
    RUNNING.add(app);
    return app;
  }

  /** SIGTERM to every app still running, each waited for as {@link #close} does. */
  private static void closeAllStillRunning() {
    for (AppProcess app : RUNNING) {
      try {
        app.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static List<String> fromProperty(String name) {
    String value = System.getProperty(name, "").strip();
    return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** Waits until {@code /actuator/health} says UP; returns the seconds it took. */
  double awaitHealthy(Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < limit.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log);
      }
      if (healthy()) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the app was not healthy after " + limit + "; see " + log);
  }

  boolean healthy() {
    try {
      HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
          .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200 && health.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code kill -9}: no shutdown hook, no graceful stop of anything the app started. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    RUNNING.remove(this);
  }

  /** SIGTERM: the app stops as it does under a supervisor (its embedded database with it). */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
    RUNNING.remove(this);
  }
}
