package jp.madoguchi.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time an app and its embedded PostgreSQL have used so far, read from {@code /proc} (Linux):
 * the app's JVM, and the postmaster with its processes (backends that have ended included). CPU per
 * request is steadier than a rate on a shared machine, and says whether the app or its database
 * does the work.
 */
final class AppCpu {

  /** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ). */
  private static final double SECONDS_PER_TICK = 0.01;

  private final long appPid;
  private final Path postgresFolder;

  /** @param postgresFolder the embedded PostgreSQL's data folder (its postmaster.pid names the server) */
  AppCpu(long appPid, Path postgresFolder) {
    this.appPid = appPid;
    this.postgresFolder = postgresFolder;
  }

  record Seconds(double app, double database) {

    Seconds minus(Seconds before) {
      return new Seconds(app - before.app, database - before.database);
    }

    /** Milliseconds of CPU per operation, the app's and its database's. */
    String perOperation(double operations) {
      return String.format("app %.2f ms + its PostgreSQL %.2f ms = %.2f ms", 1000 * app / operations,
          1000 * database / operations, 1000 * (app + database) / operations);
    }
  }

  Seconds used() {
    long postmaster;
    try {
      postmaster = Long.parseLong(Files.readAllLines(postgresFolder.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Long, long[]> processes = new HashMap<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(entry -> stat(entry).ifPresent(fields ->
              processes.put(Long.parseLong(entry.getFileName().toString()), fields)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long database = 0;
    for (Map.Entry<Long, long[]> process : processes.entrySet()) {
      if (within(process.getKey(), postmaster, processes)) {
        database += process.getValue()[1] + process.getValue()[2];
      }
    }
    long app = processes.containsKey(appPid) ? processes.get(appPid)[1] : 0;
    return new Seconds(app * SECONDS_PER_TICK, database * SECONDS_PER_TICK);
  }

  private static boolean within(long process, long root, Map<Long, long[]> processes) {
    for (long current = process; processes.containsKey(current); current = processes.get(current)[0]) {
      if (current == root) {
        return true;
      }
      if (current <= 1) {
        return false;
      }
    }
    return false;
  }

  /** Parent pid, own CPU ticks (all threads), CPU ticks of its ended and reaped children. */
  private static Optional<long[]> stat(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      // fields after the command name, which is in parentheses and may contain spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Optional.of(new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
          Long.parseLong(fields[13]) + Long.parseLong(fields[14])});
    } catch (NoSuchFileException ended) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
