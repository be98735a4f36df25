package jp.madoguchi.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * The embedded PostgreSQL's superuser password. Generated on first start and kept in a file of its
 * own (owner-only permissions) outside the database folder; every connection, over TCP or the
 * local socket, needs it (scram-sha-256). A data folder made before this rule existed (trust: no
 * password) is upgraded on its next start.
 */
public final class EmbeddedDatabasePassword {

  private static final String MANAGED = "# Madoguchi: every connection needs the password (scram-sha-256)";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final String password;

  private EmbeddedDatabasePassword(Path file, String password) {
    this.file = file;
    this.password = password;
  }

  /** The stored password, or a new one when the database does not ask for one yet. */
  public static EmbeddedDatabasePassword of(Path file, Path postgresDirectory) throws IOException {
    if (Files.exists(file)) {
      return new EmbeddedDatabasePassword(file, Files.readString(file, StandardCharsets.US_ASCII).trim());
    }
    if (isManaged(postgresDirectory)) {
      throw new IllegalStateException("The embedded database in " + postgresDirectory + " needs the password kept in "
          + file + ", which is missing. Restore that file (e.g. from the backup of the secrets), or start with an "
          + "empty MADOGUCHI_DATA_DIR.");
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.createDirectories(file.getParent());
    Files.writeString(file, password, StandardCharsets.US_ASCII);
    ownerOnly(file);
    return new EmbeddedDatabasePassword(file, password);
  }

  public String value() {
    return password;
  }

  /** For initdb of a new cluster: the password in a file only the owner can read, deleted after the start. */
  Path writeInitdbPasswordFile() throws IOException {
    Path pwfile = Files.createTempFile(file.getParent(), ".initdb-", ".pw");
    ownerOnly(pwfile);
    Files.writeString(pwfile, password, StandardCharsets.US_ASCII);
    return pwfile;
  }

  /**
   * Sets the password (sent as a SCRAM verifier, so it appears in no statement or server log) and
   * replaces a trust-only {@code pg_hba.conf}, then makes the server reload it.
   */
  void enforce(DataSource postgres, Path postgresDirectory) throws IOException, SQLException {
    if (isManaged(postgresDirectory)) {
      return;
    }
    try (Connection connection = postgres.getConnection()) {
      connection.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
      Files.writeString(postgresDirectory.resolve("pg_hba.conf"), MANAGED + """

          # password file: %s
          local   all   all                  scram-sha-256
          host    all   all   127.0.0.1/32   scram-sha-256
          host    all   all   ::1/128        scram-sha-256
          """.formatted(file.toAbsolutePath()), StandardCharsets.UTF_8);
      try (Statement reload = connection.createStatement()) {
        reload.execute("SELECT pg_reload_conf()");
      }
    }
  }

  private static boolean isManaged(Path postgresDirectory) throws IOException {
    Path hba = postgresDirectory.resolve("pg_hba.conf");
    return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(MANAGED);
  }

  private static void ownerOnly(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // the data folder's own permissions protect it
    }
  }
}
