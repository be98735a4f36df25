package jp.madoguchi.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time an app and its embedded PostgreSQL have used so far, read from {@code /proc} (Linux):
 * the app's JVM, and the postmaster with its processes (backends that have ended included). CPU per
 * request is steadier than a rate on a shared machine, and says whether the app or its database
 * does the work.
 */
final class AppCpu {

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
    Map<Long, ProcStat> processes = new HashMap<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(entry -> ProcStat.read(entry).ifPresent(stat ->
              processes.put(Long.parseLong(entry.getFileName().toString()), stat)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long database = 0;
    for (Map.Entry<Long, ProcStat> process : processes.entrySet()) {
      if (within(process.getKey(), postmaster, processes)) {
        database += process.getValue().ticks() + process.getValue().endedChildrenTicks();
      }
    }
    long app = processes.containsKey(appPid) ? processes.get(appPid).ticks() : 0;
    return new Seconds(app * ProcStat.SECONDS_PER_TICK, database * ProcStat.SECONDS_PER_TICK);
  }

  private static boolean within(long process, long root, Map<Long, ProcStat> processes) {
    for (long current = process; processes.containsKey(current); current = processes.get(current).parent()) {
      if (current == root) {
        return true;
      }
      if (current <= 1) {
        return false;
      }
    }
    return false;
  }
}
