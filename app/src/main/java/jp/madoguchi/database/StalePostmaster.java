package jp.madoguchi.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on the embedded data folder by an app that was killed
 * ({@code kill -9}, out of memory, power to the JVM only): {@code pg_ctl} starts the postmaster
 * detached, so it outlives the JVM and keeps the folder locked. Before the app starts its own
 * server it stops such a leftover, but only after making sure no live app still uses the folder
 * (the embedded server's own lock file, held by the JVM that started it, is free).
 */
final class StalePostmaster {

  private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
  /** The lock file io.zonky's EmbeddedPostgres holds in the data folder while its JVM lives. */
  static final String OWNER_LOCK = "epg-lock";
  private static final long STOP_SECONDS = 30;

  private StalePostmaster() {
  }

  /**
   * Stops the server recorded in {@code postmaster.pid} of {@code dataDirectory} if it is still
   * running and no live process owns the folder.
   *
   * @return the process id that was stopped
   * @throws IllegalStateException when another running app owns the folder, or the leftover does not stop
   */
  static Optional<Long> stopIfLeftBehind(Path dataDirectory) throws IOException {
    Optional<Long> pid = recordedPid(dataDirectory);
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    Optional<ProcessHandle> postmaster = ProcessHandle.of(pid.get()).filter(process -> running(process.pid()))
        .filter(process -> servesFolder(process, dataDirectory));
    if (postmaster.isEmpty()) {
      return Optional.empty(); // PostgreSQL itself clears a lock file whose process is gone
    }
    assertNoLiveOwner(dataDirectory);
    log.warn("A PostgreSQL server (pid {}) from an earlier run that did not shut down is still running on {}; "
        + "stopping it", pid.get(), dataDirectory.toAbsolutePath());
    stop(postmaster.get(), dataDirectory);
    return pid;
  }

  /**
   * Stops the server a start of this JVM launched before it failed. {@link #stopIfLeftBehind} ran
   * before that start and the JVM holds the folder's lock since, so a server running on the folder
   * now is that start's.
   */
  static void stopAfterFailedStart(Path dataDirectory) throws IOException {
    Optional<Long> pid = recordedPid(dataDirectory);
    Optional<ProcessHandle> postmaster = pid.flatMap(ProcessHandle::of).filter(process -> running(process.pid()))
        .filter(process -> servesFolder(process, dataDirectory));
    if (postmaster.isPresent()) {
      log.warn("Stopping the PostgreSQL server (pid {}) the failed start left running on {}", pid.get(),
          dataDirectory.toAbsolutePath());
      stop(postmaster.get(), dataDirectory);
    }
  }

  static Optional<Long> recordedPid(Path dataDirectory) throws IOException {
    try {
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Alive and not a zombie (a killed process nobody has reaped yet still has an entry). */
  static boolean running(long pid) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
      return !afterName.startsWith("Z") && !afterName.startsWith("X");
    } catch (IOException | RuntimeException e) {
      return true; // no /proc (not Linux): what the JDK says
    }
  }

  /**
   * A process id can be reused after a reboot: the process must be a postgres whose working
   * directory is this data folder (the postmaster changes into it; readable on Linux).
   */
  private static boolean servesFolder(ProcessHandle process, Path dataDirectory) {
    boolean postgres = process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
    Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
    try {
      return postgres && Files.isSameFile(Files.readSymbolicLink(cwd), dataDirectory);
    } catch (IOException | UnsupportedOperationException e) {
      return postgres && process.info().command().isPresent(); // no /proc (not Linux): the name must do
    }
  }

  private static void assertNoLiveOwner(Path dataDirectory) throws IOException {
    Path lockFile = dataDirectory.resolve(OWNER_LOCK);
    if (!Files.exists(lockFile)) {
      return;
    }
    try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
        FileLock lock = file.getChannel().tryLock()) {
      if (lock == null) {
        throw new IllegalStateException("Another running Madoguchi uses the data folder " + dataDirectory.getParent()
            + " (MADOGUCHI_DATA_DIR); stop it first or give this one its own folder");
      }
    } catch (OverlappingFileLockException e) {
      throw new IllegalStateException("This JVM already runs an embedded PostgreSQL on " + dataDirectory, e);
    }
  }

  /** A fast shutdown with the server's own pg_ctl; a plain SIGTERM where pg_ctl cannot be found. */
  private static void stop(ProcessHandle postmaster, Path dataDirectory) throws IOException {
    Optional<Path> pgCtl = postmaster.info().command().map(command -> Path.of(command).resolveSibling("pg_ctl"))
        .filter(Files::isExecutable);
    if (pgCtl.isPresent()) {
      Process stop = new ProcessBuilder(pgCtl(pgCtl.get(), "stop", "-D", dataDirectory.toString(), "-m", "fast",
          "-w", "-t", Long.toString(STOP_SECONDS))).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      waitFor(stop.toHandle(), STOP_SECONDS + 5);
    } else {
      postmaster.destroy();
    }
    if (!waitFor(postmaster, STOP_SECONDS)) {
      log.warn("PostgreSQL (pid {}) did not stop in {} s; killing it", postmaster.pid(), STOP_SECONDS);
      postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
      postmaster.destroyForcibly();
      if (!waitFor(postmaster, 10)) {
        throw new IllegalStateException("The leftover PostgreSQL server (pid " + postmaster.pid() + ") on "
            + dataDirectory + " could not be stopped");
      }
    }
  }

  /**
   * A pg_ctl command line as io.zonky runs it: PostgreSQL refuses to run as root, so where
   * {@code unshare} is available the tools run in a user namespace of their own.
   */
  static List<String> pgCtl(Path pgCtl, String... arguments) {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(pgCtl.toString());
    command.addAll(List.of(arguments));
    return command;
  }

  private static boolean waitFor(ProcessHandle process, long seconds) {
    try {
      process.onExit().get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
