package jp.madoguchi.database;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} part of {@code /actuator/health}, in place of Spring Boot's: it reports what the
 * background probe found ({@link DatabaseAvailability}), so health answers at once and says DOWN
 * within about two seconds of the database freezing or going away, instead of waiting on a
 * connection itself.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

  private final DatabaseAvailability database;

  DatabaseHealth(DatabaseAvailability database) {
    this.database = database;
  }

  @Override
  public Health health() {
    return database.available() ? Health.up().withDetail("database", "PostgreSQL").build()
        : Health.down().withDetail("database", "does not answer").build();
  }
}
