package jp.madoguchi.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDir folder that keeps the database between runs ({@code MADOGUCHI_DATA_DIR})
 * @param port TCP port on 127.0.0.1; 0 picks a free one at every start
 * @param passwordFile where the database's generated password is kept, outside the database folder
 *     ({@code MADOGUCHI_EMBEDDED_DB_PASSWORD_FILE}); empty: {@code embedded-db.password} in the data folder
 */
@ConfigurationProperties("madoguchi.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port, Path passwordFile) {

  public EmbeddedDatabaseProperties {
    if (passwordFile == null || passwordFile.toString().isBlank()) {
      passwordFile = dataDir.resolve("embedded-db.password");
    }
  }

  public Path postgresDirectory() {
    return dataDir.resolve("postgres");
  }
}
