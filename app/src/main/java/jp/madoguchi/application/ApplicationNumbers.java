package jp.madoguchi.application;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out application numbers such as {@code 2026-000042}: per tenant and (JST) calendar year.
 * The counter moves in its own short transaction so that concurrent submissions do not queue
 * behind each other's process start; a submission that fails later leaves a gap in the numbers.
 */
@Component
class ApplicationNumbers {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  ApplicationNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  String next(String tenantId) {
    int year = clock.instant().atZone(JST).getYear();
    Long value = ownTransaction.execute(status -> jdbc.queryForObject("""
        INSERT INTO application_number_counter (tenant_id, year, last_value) VALUES (?, ?, 1)
        ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = application_number_counter.last_value + 1
        RETURNING last_value""", Long.class, tenantId, year));
    return String.format("%d-%06d", year, value);
  }
}
