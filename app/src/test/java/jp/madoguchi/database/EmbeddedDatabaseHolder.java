package jp.madoguchi.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Stands in for an app in its own JVM: starts the embedded database on a folder, writes a row,
 * prints {@code READY <port> <postmaster pid>} and waits until its stdin closes or it is killed.
 */
public final class EmbeddedDatabaseHolder {

  private EmbeddedDatabaseHolder() {
  }

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), 0);
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
      connection.createStatement().execute("CREATE TABLE IF NOT EXISTS kept (note text)");
      connection.createStatement().execute("INSERT INTO kept VALUES ('written before the crash')");
    }
    System.out.println("READY " + database.port() + " " + database.postmasterPid());
    System.out.flush();
    System.in.read();
    database.close();
  }
}
