package jp.madoguchi.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Watches the kernel's DAMON threads ({@code kdamond}, Linux's data access monitor) while a benchmark
 * measures, and tells how many slow answers were in flight while one of them ran. Some virtual
 * machines run DAMON on all physical memory to hand unused pages back to their host: every sampling
 * interval it walks the page tables of every process, which on a small machine is a burst of kernel
 * work that everything else waits behind. The development machine's did so every ~0.54 s for 10-20 ms
 * of CPU, the period of the stalls LineBenchmark measured. Reads {@code /proc/<pid>/schedstat} (time
 * on a CPU in nanoseconds) every 2 ms; changes nothing.
 */
final class KdamondWatch implements AutoCloseable {

  private static final long SAMPLE_NANOS = 2_000_000;
  /** Runs closer than this belong to one wake (a wake is cut into pieces when other threads run). */
  private static final long SAME_WAKE_NANOS = 60_000_000;
  private static final long MARGIN_NANOS = 5_000_000;

  /** One wake: from the last sample before it ran to the last sample that saw it run. */
  private record Wake(long fromNanos, long toNanos, long cpuNanos) {
  }

  private final List<Path> threads;
  private final List<Wake> wakes = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private KdamondWatch(List<Path> threads) {
    this.threads = threads;
    this.sampler = new Thread(this::sample, "kdamond-watch");
    sampler.setDaemon(true);
    if (!threads.isEmpty()) {
      sampler.start();
    }
  }

  static KdamondWatch start() throws IOException {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return new KdamondWatch(processes.filter(folder -> folder.getFileName().toString().matches("\\d+"))
          .filter(KdamondWatch::isKdamond).toList());
    }
  }

  private static boolean isKdamond(Path process) {
    try {
      return Files.readString(process.resolve("comm")).startsWith("kdamond");
    } catch (IOException ended) {
      return false;
    }
  }

  private void sample() {
    long cpu = cpuNanos();
    long previousSample = System.nanoTime();
    while (running) {
      LockSupport.parkNanos(SAMPLE_NANOS);
      long now = System.nanoTime();
      long current = cpuNanos();
      if (current > cpu) {
        record(previousSample, now, current - cpu);
      }
      cpu = current;
      previousSample = now;
    }
  }

  private synchronized void record(long from, long to, long cpu) {
    Wake last = wakes.isEmpty() ? null : wakes.get(wakes.size() - 1);
    if (last != null && from - last.toNanos() < SAME_WAKE_NANOS) {
      wakes.set(wakes.size() - 1, new Wake(last.fromNanos(), to, last.cpuNanos() + cpu));
    } else {
      wakes.add(new Wake(from, to, cpu));
    }
  }

  private long cpuNanos() {
    long total = 0;
    for (Path thread : threads) {
      try {
        total += Long.parseLong(Files.readString(thread.resolve("schedstat")).split(" ")[0]);
      } catch (IOException | RuntimeException gone) {
        // a thread that ended adds nothing more
      }
    }
    return total;
  }

  /** What the wakes during {@code schedule} were and how many answers slower than {@code slowMillis} overlapped one. */
  synchronized String report(PacedSender.Schedule schedule, int slowMillis) {
    if (threads.isEmpty()) {
      return "no kdamond (DAMON) thread on this machine";
    }
    long from = schedule.dueNanos(0);
    long to = schedule.answeredNanos(schedule.size() - 1);
    List<Wake> during = wakes.stream().filter(wake -> wake.toNanos() >= from && wake.fromNanos() <= to).toList();
    if (during.size() < 2) {
      return "kdamond (DAMON) ran " + during.size() + " times during the measured part";
    }
    long covered = during.stream().mapToLong(wake -> wake.toNanos() - wake.fromNanos() + 2 * MARGIN_NANOS).sum();
    int slow = 0;
    int slowDuringWake = 0;
    for (int i = 0; i < schedule.size(); i++) {
      if (schedule.micros()[i] > slowMillis * 1000L) {
        slow++;
        if (overlapsWake(during, schedule.dueNanos(i), schedule.answeredNanos(i))) {
          slowDuringWake++;
        }
      }
    }
    long[] cpu = during.stream().mapToLong(Wake::cpuNanos).sorted().toArray();
    return String.format("kdamond (the kernel's DAMON memory monitor) woke every %.0f ms and took %.1f ms of CPU "
        + "(median) each time; its wakes (±%d ms) covered %.0f %% of the measured part, and %d of the %d answers "
        + "slower than %d ms (%.0f %%) were in flight during one", (during.get(during.size() - 1).fromNanos()
        - during.get(0).fromNanos()) / 1e6 / (during.size() - 1), cpu[cpu.length / 2] / 1e6, MARGIN_NANOS / 1_000_000,
        100.0 * covered / (to - from), slowDuringWake, slow, slowMillis, slow == 0 ? 0.0 : 100.0 * slowDuringWake / slow);
  }

  private static boolean overlapsWake(List<Wake> wakes, long due, long answered) {
    for (Wake wake : wakes) {
      if (wake.fromNanos() - MARGIN_NANOS <= answered && due <= wake.toNanos() + MARGIN_NANOS) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }
}
