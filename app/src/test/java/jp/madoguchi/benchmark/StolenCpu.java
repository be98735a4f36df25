package jp.madoguchi.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The share of the machine's CPU time its hypervisor gave to others while a benchmark measured
 * ({@code steal} in the first line of {@code /proc/stat}, Linux): on a virtual machine whose host is
 * busy, this machine's threads wait although they are ready to run, which no code of the app can
 * shorten. Counted from {@link #start()} to {@link #report()}.
 */
final class StolenCpu {

  /** user, nice, system, idle, iowait, irq, softirq, steal (guest time is already in user and nice). */
  private static final int STEAL = 7;

  private final long[] before;

  private StolenCpu(long[] before) {
    this.before = before;
  }

  static StolenCpu start() {
    return new StolenCpu(read());
  }

  /** The stolen share of all cores' time since the start, as a sentence. */
  String report() {
    long[] after = read();
    long total = 0;
    for (int i = 0; i < after.length; i++) {
      total += after[i] - before[i];
    }
    long stolen = after[STEAL] - before[STEAL];
    return String.format("the hypervisor held back %.1f %% of the machine's CPU time (steal)",
        total == 0 ? 0.0 : 100.0 * stolen / total);
  }

  private static long[] read() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long[] ticks = new long[STEAL + 1];
      for (int i = 0; i < ticks.length; i++) {
        ticks[i] = Long.parseLong(fields[i + 1]);
      }
      return ticks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
