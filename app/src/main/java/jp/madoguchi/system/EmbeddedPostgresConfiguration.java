package jp.madoguchi.system;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import jp.madoguchi.database.EmbeddedDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven-supplied binaries when no {@code spring.datasource.url}
 * is given. Its data stays in {@code MADOGUCHI_DATA_DIR} between runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException {
    return EmbeddedDatabase.start(properties.postgresDirectory(), properties.port());
  }

  /** The same pool settings (sizes, timeouts) as an external database: {@code spring.datasource.hikari.*}. */
  @Bean(destroyMethod = "close")
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedDatabase database) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("madoguchi-embedded");
    pool.setJdbcUrl(database.jdbcUrl());
    pool.setUsername("postgres");
    return pool;
  }

  /** The embedded default is the demo setup: it seeds the demo tenant unless a seed file is named. */
  @Bean
  DemoSetup demoSetup() {
    return new DemoSetup("classpath:seed/demo-tenants.yaml");
  }
}
