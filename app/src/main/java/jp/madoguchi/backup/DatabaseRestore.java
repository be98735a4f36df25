package jp.madoguchi.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.madoguchi.crypto.MasterKey;
import jp.madoguchi.database.EmbeddedDatabase;
import jp.madoguchi.embedded.EmbeddedDatabasePassword;
import jp.madoguchi.embedded.EmbeddedDatabaseProperties;
import jp.madoguchi.embedded.EmbeddedServer;
import jp.madoguchi.system.MadoguchiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The restore command, {@code java -jar madoguchi.jar --madoguchi.restore.from=<backup>}: restores a
 * backup into a new, empty {@code MADOGUCHI_DATA_DIR} and exits; the app is then started as usual. It
 * reads the same settings as the app (environment, arguments, application.yaml), checks the
 * backup's SHA-256, starts the embedded PostgreSQL on the empty folder, runs {@code pg_restore}, and
 * proves that the master key given separately opens every tenant's data key. On any failure the
 * database folder it made is removed again, so the command can simply be run again.
 */
public final class DatabaseRestore {

  static final String ARGUMENT = "--madoguchi.restore.from=";
  private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);

  private DatabaseRestore() {
  }

  public static boolean requested(String[] args) {
    return Arrays.stream(args).anyMatch(arg -> arg.startsWith(ARGUMENT));
  }

  /** Only the settings the restore needs: no engine, no web server. */
  @EnableConfigurationProperties({EmbeddedDatabaseProperties.class, MadoguchiProperties.class, BackupProperties.class})
  static class Settings {
  }

  /** Runs the restore; returns the process exit code (0: restored). */
  public static int run(String[] args) {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
        .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
      Path backup = Path.of(context.getEnvironment().getRequiredProperty("madoguchi.restore.from"));
      if (!context.getEnvironment().getProperty("spring.datasource.url", "").isBlank()) {
        return refuse("SPRING_DATASOURCE_URL is set: this command restores the embedded database only. Restore an "
            + "external PostgreSQL with its own tooling (pgBackRest: see docker/pgbackrest/README.md)");
      }
      return restore(backup, context.getBean(EmbeddedDatabaseProperties.class), context.getBean(MadoguchiProperties.class),
          context.getBean(BackupProperties.class));
    } catch (IOException | SQLException | RuntimeException e) {
      log.error("Restore failed: {}", e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static int restore(Path backup, EmbeddedDatabaseProperties database, MadoguchiProperties madoguchi,
      BackupProperties properties) throws IOException, SQLException, InterruptedException {
    if (!Files.isRegularFile(backup)) {
      return refuse("The backup " + backup + " does not exist or is not a file");
    }
    Path postgres = database.postgresDirectory();
    if (Files.isDirectory(postgres) && !isEmpty(postgres)) {
      return refuse("The data folder already holds a database (" + postgres + "). Restore only into a new, empty "
          + "MADOGUCHI_DATA_DIR: move the old folder away first, or name another one");
    }
    String keyProblem = masterKeyProblem(madoguchi, database);
    if (keyProblem != null) {
      return refuse(keyProblem);
    }
    String recorded = BackupFolder.recordedSha256(backup);
    if (recorded == null) {
      log.warn("{} has no {} file beside it: its integrity cannot be checked; pg_restore will still refuse a "
          + "damaged archive", backup, BackupFolder.CHECKSUM);
    } else if (!recorded.equals(BackupFolder.sha256(backup))) {
      return refuse("The backup " + backup + " does not match its SHA-256 (" + BackupFolder.checksumFile(backup)
          + "): it is damaged or incomplete. Use another backup");
    }
    PgClientTools.Tool pgRestore = PgClientTools.find("pg_restore", properties.pgBin(), 0);
    if (!pgRestore.usable()) {
      return refuse(pgRestore.problem());
    }
    long start = System.nanoTime();
    boolean restored = false;
    EmbeddedDatabasePassword password = EmbeddedDatabasePassword.of(database.passwordFile(), postgres);
    try (EmbeddedDatabase server = EmbeddedServer.start(database, password)) {
      log.info("Restoring {} ({} MB) into {} …", backup, Files.size(backup) / 1_000_000, postgres);
      int jobs = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
      PgToolRun.run(pgRestore.path(), List.of("--dbname=postgres", "--exit-on-error", "--no-owner",
          "--jobs=" + jobs, backup.toAbsolutePath().toString()), new PgToolRun.Target(server.port(), password.value()),
          DatabaseBackups.LIMIT);
      JdbcTemplate jdbc = new JdbcTemplate(server.postgresDatabase());
      jdbc.execute("ANALYZE");
      checkMasterKey(jdbc, masterKey(madoguchi, database));
      long applications = jdbc.queryForObject("SELECT count(*) FROM application", Long.class);
      long tenants = jdbc.queryForObject("SELECT count(*) FROM tenant", Long.class);
      restored = true;
      log.info("Restored {} into {} in {} s: {} tenant(s), {} application(s). Start the app as usual on this data "
          + "folder, with the same master key.", backup.getFileName(), database.dataDir().toAbsolutePath(),
          "%.1f".formatted((System.nanoTime() - start) / 1e9), tenants, applications);
      return 0;
    } finally {
      if (!restored) {
        FileSystemUtils.deleteRecursively(postgres);
        log.error("The database folder {} made for the restore was removed again", postgres);
      }
    }
  }

  /** The restored data is of no use without its master key: it must be given before anything is restored. */
  private static String masterKeyProblem(MadoguchiProperties madoguchi, EmbeddedDatabaseProperties database) {
    if (!madoguchi.masterKey().isBlank()) {
      return null;
    }
    Path file = BackupPlacement.masterKeyFile(madoguchi, database).orElseThrow();
    return Files.isRegularFile(file) ? null : "No master key: set MADOGUCHI_MASTER_KEY (or MADOGUCHI_MASTER_KEY_FILE) "
        + "to the key the backed-up app used, or, on the demo, put its master.key into " + database.dataDir()
        + ". Backups never hold the key; without it the restored personal data cannot be read";
  }

  /** With {@code MADOGUCHI_MASTER_KEY_PREVIOUS}, a backup made before the key was replaced opens too. */
  private static MasterKey masterKey(MadoguchiProperties madoguchi, EmbeddedDatabaseProperties database)
      throws IOException {
    MasterKey key = !madoguchi.masterKey().isBlank() ? MasterKey.fromBase64(madoguchi.masterKey())
        : MasterKey.fromBase64(Files.readString(BackupPlacement.masterKeyFile(madoguchi, database).orElseThrow()));
    return key.replacing(madoguchi.previousMasterKey());
  }

  private static void checkMasterKey(JdbcTemplate jdbc, MasterKey key) {
    for (Map<String, Object> tenant : jdbc.queryForList("SELECT id, data_key FROM tenant WHERE data_key IS NOT NULL")) {
      String id = (String) tenant.get("id");
      try {
        key.unwrap((byte[]) tenant.get("data_key"), "tenant:" + id);
      } catch (RuntimeException e) {
        throw new IllegalStateException("The master key given does not open the data key of tenant " + id
            + ": it is not the key the backed-up app used. Give the right MADOGUCHI_MASTER_KEY and run the restore again");
      }
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  private static int refuse(String message) {
    log.error("Restore refused: {}", message);
    return 2;
  }
}
