package jp.madoguchi.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import jp.madoguchi.database.EmbeddedDatabase;
import jp.madoguchi.database.PasswordRefusedException;

/**
 * Starts the embedded default's PostgreSQL in {@code MADOGUCHI_DATA_DIR/postgres} with its password:
 * for the running app, and for a restore into a new data folder.
 */
public final class EmbeddedServer {

  private EmbeddedServer() {
  }

  public static EmbeddedDatabase start(EmbeddedDatabaseProperties properties, EmbeddedDatabasePassword password)
      throws IOException, SQLException {
    Path directory = properties.postgresDirectory();
    Files.createDirectories(directory);
    // a new cluster asks for the password from its first second (initdb options, after zonky's "-A trust")
    Path initdbPassword = Files.exists(directory.resolve("PG_VERSION")) ? null : password.writeInitdbPasswordFile();
    EmbeddedDatabase database;
    try {
      database = EmbeddedDatabase.start(directory, properties.port(), builder -> {
        builder.setConnectConfig("password", password.value());
        if (initdbPassword != null) {
          builder.setLocaleConfig("auth-host", "scram-sha-256")
              .setLocaleConfig("auth-local", "scram-sha-256")
              .setLocaleConfig("pwfile", initdbPassword.toString());
        }
      });
    } catch (PasswordRefusedException e) {
      throw new IllegalStateException("The embedded database in " + directory + " does not accept the password in "
          + properties.passwordFile() + ": that file belongs to another data folder. Restore the password file that "
          + "was backed up with this data folder, or start with an empty MADOGUCHI_DATA_DIR.", e);
    } finally {
      if (initdbPassword != null) {
        Files.deleteIfExists(initdbPassword);
      }
    }
    try {
      password.enforce(database.postgresDatabase(), directory);
    } catch (IOException | SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }
}
