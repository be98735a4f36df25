package jp.madoguchi.application;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out application numbers such as {@code 2026-000042}: per tenant and (JST) calendar year,
 * from a PostgreSQL sequence, so concurrent submissions never wait for each other's commit. A
 * submission that fails after taking its number leaves a gap.
 */
@Component
class ApplicationNumbers {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final Set<String> existing = ConcurrentHashMap.newKeySet();

  ApplicationNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  String next(String tenantId) {
    int year = clock.instant().atZone(JST).getYear();
    String sequence = ensureSequence(tenantId, year);
    Long value = jdbc.queryForObject("SELECT nextval('" + sequence + "')", Long.class);
    return String.format("%d-%06d", year, value);
  }

  /** The sequence is created on first use, starting after any number already given out that year. */
  private String ensureSequence(String tenantId, int year) {
    // tenant ids are [a-z0-9-] (checked by the tenant table): safe in an identifier
    String sequence = "application_number_" + tenantId.replace('-', '_') + "_" + year;
    if (!existing.contains(sequence)) {
      ownTransaction.executeWithoutResult(status -> {
        // concurrent CREATE SEQUENCE IF NOT EXISTS can still collide in PostgreSQL: one creator at a time
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, sequence);
        Long highest = jdbc.queryForObject("""
            SELECT coalesce(max(CAST(split_part(number, '-', 2) AS bigint)), 0) FROM application
            WHERE tenant_id = ? AND number LIKE ?""", Long.class, tenantId, year + "-%");
        jdbc.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence + " START WITH " + (highest + 1));
      });
      existing.add(sequence);
    }
    return sequence;
  }
}
