package jp.madoguchi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.TestFolders;
import org.junit.jupiter.api.Test;

/**
 * The embedded default recovers without a manual step: after {@code kill -9} of the app the
 * PostgreSQL it leaves running is stopped at the next start (the code before failed that start
 * with "Gave up waiting for server to start"), a server that dies under the running app is
 * restarted on the same port, and a folder another live app uses is never touched.
 */
class EmbeddedDatabaseTests {

  @Test
  void shouldStopTheServerAKilledAppLeftBehindAndStartOnTheSameData() throws Exception {
    Path folder = TestFolders.create("madoguchi-stale-").resolve("postgres");
    Process app = holder(folder);
    long leftBehind = ready(app)[1];
    app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(StalePostmaster.running(leftBehind)).as("the server outlives the killed app").isTrue();

    try (EmbeddedDatabase database = EmbeddedDatabase.start(folder, 0)) {
      assertThat(StalePostmaster.running(leftBehind)).isFalse();
      assertThat(database.postmasterPid()).isNotEqualTo(leftBehind);
      assertThat(notes(database.jdbcUrl())).containsExactly("written before the crash");
    }
  }

  @Test
  void shouldRestartAServerThatDiesUnderTheRunningApp() throws Exception {
    Path folder = TestFolders.create("madoguchi-watchdog-").resolve("postgres");
    try (EmbeddedDatabase database = EmbeddedDatabase.start(folder, 0)) {
      long first = database.postmasterPid();
      String url = database.jdbcUrl();
      try (Connection connection = DriverManager.getConnection(url)) {
        connection.createStatement().execute("CREATE TABLE kept AS SELECT 'committed before the kill' AS note");
      }
      ProcessHandle killed = ProcessHandle.of(first).orElseThrow();
      killed.destroyForcibly();
      // on a busy machine the killed server can still answer for a moment: only its successor counts
      killed.onExit().get(30, TimeUnit.SECONDS);

      long start = System.nanoTime();
      List<String> notes = null;
      while (notes == null && System.nanoTime() - start < 60_000_000_000L) {
        Thread.sleep(500);
        try {
          notes = notes(url);
        } catch (SQLException stillDown) {
          // the watchdog looks every two seconds
        }
      }
      assertThat(notes).as("the same port answers again").containsExactly("committed before the kill");
      assertThat(database.postmasterPid()).isNotEqualTo(first);
    }
  }

  @Test
  void shouldNotTouchAFolderAnotherRunningAppUses() throws Exception {
    Path folder = TestFolders.create("madoguchi-owned-").resolve("postgres");
    Process app = holder(folder);
    long serving = ready(app)[1];
    try {
      assertThatThrownBy(() -> EmbeddedDatabase.start(folder, 0)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Another running Madoguchi");
      assertThat(StalePostmaster.running(serving)).isTrue();
    } finally {
      app.getOutputStream().close(); // the holder stops its server and exits
      app.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldStopTheServerAStartLaunchedWhenTheServerRefusedItsPassword() throws Exception {
    Path folder = TestFolders.create("madoguchi-refused-").resolve("postgres");
    Path initdbPassword = Files.writeString(folder.resolveSibling("initdb.pw"), "the-right-password");
    try (EmbeddedDatabase database = EmbeddedDatabase.start(folder, 0, builder -> builder
        .setConnectConfig("password", "the-right-password")
        .setLocaleConfig("auth-host", "scram-sha-256").setLocaleConfig("auth-local", "scram-sha-256")
        .setLocaleConfig("pwfile", initdbPassword.toString()))) {
      assertThat(database.postmasterPid()).isPositive();
    }

    assertThatThrownBy(() -> EmbeddedDatabase.start(folder, 0,
        builder -> builder.setConnectConfig("password", "another-folder's-password"), Duration.ofSeconds(5)))
        .isInstanceOf(PasswordRefusedException.class);
    assertThat(StalePostmaster.recordedPid(folder).filter(StalePostmaster::running))
        .as("no server left running on the folder (the app exits: zonky keeps the folder's lock in this JVM)")
        .isEmpty();
  }

  private static List<String> notes(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT note FROM kept")) {
      List<String> notes = new java.util.ArrayList<>();
      while (rows.next()) {
        notes.add(rows.getString(1));
      }
      return notes;
    }
  }

  private static Process holder(Path folder) throws Exception {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseHolder.class.getName(), folder.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Port and postmaster pid, once the holder's server runs. */
  private static long[] ready(Process app) throws Exception {
    BufferedReader output = new BufferedReader(new InputStreamReader(app.getInputStream()));
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith("READY ")) {
        String[] parts = line.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
      }
    }
    throw new IllegalStateException("the holder did not start its database");
  }
}
