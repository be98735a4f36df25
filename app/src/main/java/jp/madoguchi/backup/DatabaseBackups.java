package jp.madoguchi.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.database.EmbeddedDatabase;
import jp.madoguchi.embedded.EmbeddedDatabasePassword;
import jp.madoguchi.embedded.EmbeddedDatabaseProperties;
import jp.madoguchi.system.MadoguchiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Backups of the embedded default's database with PostgreSQL's own {@code pg_dump} (custom format,
 * compressed, restorable with {@code pg_restore}) into {@link BackupFolder the backup folder}: on the
 * schedule ({@code MADOGUCHI_BACKUP_CRON}) and when an operator asks. One at a time; after each
 * success the oldest beyond {@code MADOGUCHI_BACKUP_KEEP} are deleted. Each backup is published as
 * the operation event {@code backup.created} or {@code backup.failed} (file name, size, checksum,
 * duration; nothing secret). An external PostgreSQL is backed up by its own tooling (pgBackRest).
 */
@Service
public class DatabaseBackups {

  static final Duration LIMIT = Duration.ofHours(3);
  private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);

  private final BackupProperties properties;
  private final ObjectProvider<EmbeddedDatabase> embedded;
  private final ObjectProvider<EmbeddedDatabasePassword> password;
  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final BackupFolder folder;
  private final BackupPlacement placement;
  private final AtomicBoolean running = new AtomicBoolean();
  private final ExecutorService onDemand = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "database-backup");
    thread.setDaemon(true);
    return thread;
  });
  private volatile PgClientTools.Tool pgDump;
  private volatile long toolCheckedAt;
  private volatile BackupResult lastSuccess;
  private volatile BackupFailure lastFailure;

  public record BackupResult(String name, Instant finishedAt, long bytes, String sha256, double seconds) {
  }

  public record BackupFailure(Instant at, String message) {
  }

  DatabaseBackups(BackupProperties properties, EmbeddedDatabaseProperties database, MadoguchiProperties madoguchi,
      ObjectProvider<EmbeddedDatabase> embedded, ObjectProvider<EmbeddedDatabasePassword> password, JdbcTemplate jdbc,
      ApplicationEventPublisher events, Clock clock) {
    this.properties = properties;
    this.embedded = embedded;
    this.password = password;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    Path directory = properties.directory(database.dataDir());
    this.folder = new BackupFolder(directory);
    this.placement = new BackupPlacement(directory, database.dataDir(), database.postgresDirectory(),
        BackupPlacement.masterKeyFile(madoguchi, database));
    if (embedded.getIfAvailable() != null) {
      placement.refusal().ifPresent(problem -> {
        throw new IllegalStateException(problem);
      });
    }
  }

  /** Why no backup can be taken now, or empty. */
  public Optional<String> unavailable() {
    if (embedded.getIfAvailable() == null) {
      return Optional.of("This deployment uses an external PostgreSQL: back it up with its own tooling "
          + "(continuous archiving with pgBackRest, see docker/pgbackrest)");
    }
    PgClientTools.Tool tool = tool();
    return tool.usable() ? Optional.empty() : Optional.of(tool.problem());
  }

  public boolean running() {
    return running.get();
  }

  /** Starts a backup on a thread of its own; false when one is already running. */
  public boolean startInBackground(String actor) {
    if (!running.compareAndSet(false, true)) {
      return false;
    }
    onDemand.submit(() -> {
      try {
        backup(actor);
      } finally {
        running.set(false);
      }
    });
    return true;
  }

  /** Takes one backup now and waits for it; empty when another one is running or it failed (see {@link #lastFailure()}). */
  public Optional<BackupResult> take(String actor) {
    if (!running.compareAndSet(false, true)) {
      log.warn("A backup is already running; this one ({}) is skipped", actor);
      return Optional.empty();
    }
    try {
      return backup(actor);
    } finally {
      running.set(false);
    }
  }

  private Optional<BackupResult> backup(String actor) {
    long start = System.nanoTime();
    Path backup = null;
    try {
      Optional<String> problem = unavailable();
      if (problem.isPresent()) {
        throw new IOException(problem.get());
      }
      backup = folder.newBackup(clock.instant());
      PgToolRun.run(pgDump.path(), List.of("--format=custom", "--dbname=postgres",
          "--file=" + BackupFolder.partial(backup)), target(), LIMIT);
      String sha256 = folder.complete(backup);
      BackupResult result = new BackupResult(backup.getFileName().toString(), clock.instant(), Files.size(backup), sha256,
          (System.nanoTime() - start) / 1e9);
      int rotated = folder.rotate(properties.keep());
      lastSuccess = result;
      log.info("Backup {} written: {} bytes in {} s, SHA-256 {}; {} older backup(s) deleted", result.name(),
          result.bytes(), "%.1f".formatted(result.seconds()), sha256, rotated);
      events.publishEvent(new OperationEvent(null, actor, "backup.created", result.name(), Map.of(
          "bytes", Long.toString(result.bytes()), "sha256", sha256, "seconds", "%.1f".formatted(result.seconds()),
          "rotated", Integer.toString(rotated))));
      return Optional.of(result);
    } catch (IOException | RuntimeException e) {
      fail(backup, actor, e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(backup, actor, "interrupted");
      return Optional.empty();
    }
  }

  public Optional<BackupResult> lastSuccess() {
    return Optional.ofNullable(lastSuccess);
  }

  public Optional<BackupFailure> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  public Path directory() {
    return folder.directory();
  }

  BackupFolder folder() {
    return folder;
  }

  BackupPlacement placement() {
    return placement;
  }

  boolean embedded() {
    return embedded.getIfAvailable() != null;
  }

  private void fail(Path backup, String actor, String message) {
    String reason = message == null ? "unknown error" : message;
    lastFailure = new BackupFailure(clock.instant(), reason);
    log.error("Backup failed: {}", reason);
    if (backup != null) {
      try {
        Files.deleteIfExists(BackupFolder.partial(backup));
      } catch (IOException e) {
        log.warn("Could not delete the incomplete backup {}: {}", BackupFolder.partial(backup), e.getMessage());
      }
    }
    events.publishEvent(new OperationEvent(null, actor, "backup.failed",
        backup == null ? "" : backup.getFileName().toString(), Map.of("reason", reason)));
  }

  /** pg_dump as found; looked for again at most once a minute while missing (health asks often). */
  PgClientTools.Tool tool() {
    PgClientTools.Tool tool = pgDump;
    long now = System.nanoTime();
    if (tool == null || !tool.usable() && now - toolCheckedAt > Duration.ofMinutes(1).toNanos()) {
      int serverMajor = jdbc.queryForObject("SHOW server_version_num", Integer.class) / 10_000;
      tool = PgClientTools.find("pg_dump", properties.pgBin(), serverMajor);
      pgDump = tool;
      toolCheckedAt = now;
    }
    return tool;
  }

  private PgToolRun.Target target() {
    return new PgToolRun.Target(embedded.getObject().port(), password.getObject().value());
  }
}
