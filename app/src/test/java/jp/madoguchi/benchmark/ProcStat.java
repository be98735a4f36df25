package jp.madoguchi.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a benchmark needs of {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} (Linux):
 * the parent, the CPU used (all threads of a process), the CPU of its ended and reaped children.
 */
record ProcStat(long parent, long ticks, long endedChildrenTicks) {

  /** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ). */
  static final double SECONDS_PER_TICK = 0.01;

  /** @param folder a process's or thread's folder under /proc; empty once it has ended */
  static Optional<ProcStat> read(Path folder) {
    try {
      String stat = Files.readString(folder.resolve("stat"));
      // fields after the command name, which is in parentheses and may contain spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Optional.of(new ProcStat(Long.parseLong(fields[1]),
          Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
          Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
    } catch (NoSuchFileException ended) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
