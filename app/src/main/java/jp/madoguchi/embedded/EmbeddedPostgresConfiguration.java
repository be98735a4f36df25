package jp.madoguchi.embedded;

import java.io.IOException;
import java.nio.file.Files;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven-supplied binaries when no {@code spring.datasource.url}
 * is given. Its data stays in {@code MADOGUCHI_DATA_DIR} between runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedDefault
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
    Files.createDirectories(properties.postgresDirectory());
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (properties.port() > 0) {
      builder.setPort(properties.port());
    }
    EmbeddedPostgres postgres = builder
        .setDataDirectory(properties.postgresDirectory())
        .setCleanDataDirectory(false)
        // stopped by the context (destroyMethod), after the engine and the pool that use it; its own
        // JVM shutdown hook would race the context's and leave the engine talking to a dead server
        .setRegisterShutdownHook(false)
        // kept data must survive a crash: the zonky defaults are tuned for throwaway test databases
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("timezone", "UTC")
        .start();
    log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", postgres.getPort(),
        properties.postgresDirectory().toAbsolutePath());
    return postgres;
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("madoguchi-embedded");
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(20);
    return new HikariDataSource(config);
  }

  /** The embedded default is the demo setup: it seeds the demo tenant unless a seed file is named. */
  @Bean
  DemoSetup demoSetup() {
    return new DemoSetup("classpath:seed/demo-tenants.yaml");
  }
}
