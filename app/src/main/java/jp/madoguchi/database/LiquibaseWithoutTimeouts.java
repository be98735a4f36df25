package jp.madoguchi.database;

import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;

/**
 * Schema changes at start may legitimately run longer than the statement and socket timeouts that
 * protect requests (an index built over a million rows): Liquibase gets connections of its own,
 * to the same database and user, without them.
 */
@Component
class LiquibaseWithoutTimeouts implements BeanPostProcessor {

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() instanceof HikariDataSource pool) {
      liquibase.setDataSource(withoutTimeouts(pool));
    }
    return bean;
  }

  private static DataSource withoutTimeouts(HikariDataSource pool) {
    Properties properties = new Properties();
    properties.putAll(pool.getDataSourceProperties());
    properties.remove("socketTimeout");
    properties.remove("options");
    if (pool.getUsername() != null) {
      properties.setProperty("user", pool.getUsername());
    }
    if (pool.getPassword() != null) {
      properties.setProperty("password", pool.getPassword());
    }
    return new SimpleDriverDataSource(new org.postgresql.Driver(), pool.getJdbcUrl(), properties);
  }
}
