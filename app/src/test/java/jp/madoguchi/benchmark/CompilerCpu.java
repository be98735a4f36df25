package jp.madoguchi.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * CPU time of another JVM's JIT compiler threads, read from {@code /proc} (Linux), so a benchmark
 * can tell a warm app from one whose compiler still takes a share of the same two cores, and warm
 * an app up until its compiler is idle: {@code -Dbench.warmUpSeconds} at least (default 20),
 * {@code -Dbench.maxWarmUpSeconds} at most (default 300; equal to the minimum for a fixed time).
 */
final class CompilerCpu {

  static final int MIN_WARM_UP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 20);
  static final int MAX_WARM_UP_SECONDS = Integer.getInteger("bench.maxWarmUpSeconds", 300);
  private static final int ROUND_SECONDS = 10;
  /** The compiler counts as idle below this share of one core over a round. */
  private static final double IDLE_SHARE = 0.05;

  private final Path tasks;

  CompilerCpu(long pid) {
    this.tasks = Path.of("/proc", Long.toString(pid), "task");
  }

  /** A load's result and the share of one core the compiler took while it ran. */
  record Measured<T>(T result, double compilerShare) {

    String compilerPercent() {
      return String.format("JIT compiler %.0f %% of a core", compilerShare * 100);
    }
  }

  <T> Measured<T> during(Callable<T> load) throws Exception {
    double before = seconds();
    long started = System.nanoTime();
    T result = load.call();
    return new Measured<>(result, (seconds() - before) / ((System.nanoTime() - started) / 1e9));
  }

  /** Load for the given seconds. */
  interface Round<T> {
    T load(int seconds) throws Exception;
  }

  /** What a warm-up round measured, from and to its seconds since the warm-up began. */
  interface RoundReport<T> {
    void print(int from, int to, Measured<T> round) throws Exception;
  }

  /**
   * Rounds of load of 10 s until at least {@link #MIN_WARM_UP_SECONDS} have passed and the compiler
   * was idle in the last round, or {@link #MAX_WARM_UP_SECONDS} have passed.
   *
   * @return seconds of warm-up load
   */
  <T> int warmUp(Round<T> round, RoundReport<T> report) throws Exception {
    int elapsed = 0;
    while (true) {
      int seconds = Math.min(ROUND_SECONDS, Math.max(1, MAX_WARM_UP_SECONDS - elapsed));
      Measured<T> measured = during(() -> round.load(seconds));
      report.print(elapsed, elapsed + seconds, measured);
      elapsed += seconds;
      if (elapsed >= MAX_WARM_UP_SECONDS || elapsed >= MIN_WARM_UP_SECONDS && measured.compilerShare() < IDLE_SHARE) {
        return elapsed;
      }
    }
  }

  /** Seconds of CPU the process's C1 and C2 compiler threads have used so far. */
  double seconds() {
    try (Stream<Path> threads = Files.list(tasks)) {
      return threads.mapToLong(CompilerCpu::compilerTicks).sum() * ProcStat.SECONDS_PER_TICK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long compilerTicks(Path thread) {
    try {
      if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
        return 0;
      }
    } catch (NoSuchFileException ended) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ProcStat.read(thread).map(ProcStat::ticks).orElse(0L);
  }
}
