package jp.madoguchi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** Health says DOWN within about two seconds of the database freezing, and UP again when it answers. */
class DatabaseAvailabilityTests {

  @Test
  void shouldCountAFrozenDatabaseAsUnavailableWithoutWaitingForItsTimeouts() throws Exception {
    CountDownLatch thaw = new CountDownLatch(1);
    Connection connection = mock(Connection.class);
    when(connection.isValid(anyInt())).thenAnswer(call -> {
      thaw.await();
      return true;
    });
    DataSource dataSource = mock(DataSource.class);
    when(dataSource.getConnection()).thenReturn(connection);
    DatabaseAvailability availability = new DatabaseAvailability(dataSource);
    DatabaseHealth health = new DatabaseHealth(availability);
    try {
      assertThat(availability.available()).isTrue();
      long start = System.nanoTime();
      while (availability.available() && System.nanoTime() - start < 10_000_000_000L) {
        Thread.sleep(100);
      }
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
      assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");

      thaw.countDown();
      start = System.nanoTime();
      while (!availability.available() && System.nanoTime() - start < 10_000_000_000L) {
        Thread.sleep(100);
      }
      assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    } finally {
      thaw.countDown();
      availability.stop();
    }
  }

  @Test
  void shouldCountAFailingDatabaseAsUnavailable() throws Exception {
    DataSource dataSource = mock(DataSource.class);
    when(dataSource.getConnection()).thenThrow(new java.sql.SQLException("Connection refused", "08001"));
    DatabaseAvailability availability = new DatabaseAvailability(dataSource);
    try {
      Thread.sleep(1_800);
      assertThat(availability.available()).isFalse();
    } finally {
      availability.stop();
    }
  }
}
