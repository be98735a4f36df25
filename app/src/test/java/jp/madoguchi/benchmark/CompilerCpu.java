package jp.madoguchi.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of another JVM's JIT compiler threads, read from {@code /proc} (Linux), so a benchmark
 * can tell a warm app from one whose compiler still takes a share of the same two cores.
 */
final class CompilerCpu {

  /** Linux reports thread CPU times in clock ticks of 1/100 s (USER_HZ) on every architecture it runs on here. */
  private static final double SECONDS_PER_TICK = 0.01;

  private final Path tasks;

  CompilerCpu(long pid) {
    this.tasks = Path.of("/proc", Long.toString(pid), "task");
  }

  /** Seconds of CPU the process's C1 and C2 compiler threads have used so far. */
  double seconds() {
    try (Stream<Path> threads = Files.list(tasks)) {
      return threads.mapToLong(CompilerCpu::compilerTicks).sum() * SECONDS_PER_TICK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long compilerTicks(Path thread) {
    try {
      if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
        return 0;
      }
      String stat = Files.readString(thread.resolve("stat"));
      // fields after the command name, which is in parentheses and may contain spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (NoSuchFileException ended) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
