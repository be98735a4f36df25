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
 * submission that fails after taking its number leaves a gap. A sequence known to exist may have gone
 * with a purge on another node (the municipality then created again): it is created anew.
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
    String sequence = ApplicationNumberSequences.name(tenantId, year);
    Long value = existing.contains(sequence) ? nextValue(sequence) : null;
    if (value == null) {
      createSequence(tenantId, year, sequence);
      value = nextValue(sequence);
    }
    return String.format("%d-%06d", year, value);
  }

  /** Null when the sequence does not exist, without an error that would abort the caller's transaction. */
  private Long nextValue(String sequence) {
    return jdbc.queryForObject("SELECT nextval(to_regclass(?))", Long.class, sequence);
  }

  /** The sequence is created on first use, starting after any number already given out that year. */
  private void createSequence(String tenantId, int year, String sequence) {
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
}
