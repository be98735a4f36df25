package jp.madoguchi.embedded;

import java.io.IOException;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import jp.madoguchi.database.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven-supplied binaries when no {@code spring.datasource.url}
 * is given. Its data stays in {@code MADOGUCHI_DATA_DIR} between runs; every connection needs the
 * generated password ({@link EmbeddedDatabasePassword}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedDefault
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean
  EmbeddedDatabasePassword embeddedDatabasePassword(EmbeddedDatabaseProperties properties) throws IOException {
    return EmbeddedDatabasePassword.of(properties.passwordFile(), properties.postgresDirectory());
  }

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties, EmbeddedDatabasePassword password)
      throws IOException, SQLException {
    EmbeddedDatabase database = EmbeddedServer.start(properties, password);
    log.info("Connections to the embedded PostgreSQL need the password in {}", properties.passwordFile().toAbsolutePath());
    return database;
  }

  /** The same pool settings (sizes, timeouts) as an external database: {@code spring.datasource.hikari.*}. */
  @Bean(destroyMethod = "close")
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedDatabase database, EmbeddedDatabasePassword password) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("madoguchi-embedded");
    pool.setJdbcUrl(database.jdbcUrl());
    pool.setUsername("postgres");
    pool.setPassword(password.value());
    return pool;
  }

  /** The embedded default is the demo setup: it seeds the demo tenant unless a seed file is named. */
  @Bean
  DemoSetup demoSetup() {
    return new DemoSetup("classpath:seed/demo-tenants.yaml");
  }
}
