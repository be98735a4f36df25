package jp.madoguchi.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Knows, within about two seconds, whether the database answers: a probe asks it every second
 * ({@code isValid} with a two-second limit). A probe that fails, or is still waiting after two
 * seconds (a frozen server), makes the database count as unavailable until a probe succeeds.
 * Requests then get a 503 at once instead of each waiting for its own timeout
 * ({@link DatabaseOutageFilter}), and {@code /actuator/health} says DOWN.
 */
@Component
public class DatabaseAvailability {

  private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);
  static final Duration PROBE_LIMIT = Duration.ofSeconds(2);

  private final DataSource dataSource;
  private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "database-probe");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean lastProbeSucceeded = true;
  private volatile long probeStartedNanos;
  private volatile boolean reportedDown;
  private Connection connection;

  DatabaseAvailability(DataSource dataSource) {
    this.dataSource = dataSource;
    prober.scheduleWithFixedDelay(this::probe, 1, 1, TimeUnit.SECONDS);
  }

  /** False while the database is known not to answer. */
  public boolean available() {
    long started = probeStartedNanos;
    boolean probeHanging = started != 0 && System.nanoTime() - started > PROBE_LIMIT.toNanos();
    return lastProbeSucceeded && !probeHanging;
  }

  private void probe() {
    probeStartedNanos = System.nanoTime();
    boolean ok;
    try {
      ok = connection().isValid((int) PROBE_LIMIT.toSeconds());
    } catch (Exception e) {
      ok = false;
    } finally {
      probeStartedNanos = 0;
    }
    if (!ok) {
      closeConnection();
    }
    lastProbeSucceeded = ok;
    if (!ok && !reportedDown) {
      log.error("The database does not answer; requests that need it get 503 until it does");
      reportedDown = true;
    } else if (ok && reportedDown) {
      log.warn("The database answers again");
      reportedDown = false;
    }
  }

  /**
   * Its own connection, outside the pool: a pool busy with a burst of requests must not look like
   * a database that does not answer.
   */
  private Connection connection() throws SQLException {
    if (connection == null) {
      if (!(dataSource instanceof HikariDataSource pool)) {
        connection = dataSource.getConnection();
        return connection;
      }
      Properties properties = new Properties();
      properties.putAll(pool.getDataSourceProperties());
      properties.remove("options");
      properties.setProperty("connectTimeout", Long.toString(PROBE_LIMIT.toSeconds()));
      properties.setProperty("socketTimeout", Long.toString(PROBE_LIMIT.toSeconds() + 1));
      properties.setProperty("ApplicationName", "madoguchi-probe");
      if (pool.getUsername() != null) {
        properties.setProperty("user", pool.getUsername());
      }
      if (pool.getPassword() != null) {
        properties.setProperty("password", pool.getPassword());
      }
      connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
    return connection;
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // gone already
      }
      connection = null;
    }
  }

  @PreDestroy
  void stop() {
    prober.shutdownNow();
    closeConnection();
  }
}
