package jp.madoguchi.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDir folder that keeps the database between runs ({@code MADOGUCHI_DATA_DIR})
 * @param port TCP port on 127.0.0.1; 0 picks a free one at every start
 */
@ConfigurationProperties("madoguchi.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port) {

  public Path postgresDirectory() {
    return dataDir.resolve("postgres");
  }
}
