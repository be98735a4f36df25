package jp.madoguchi.database;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes changes to one named thing (an account, a municipality) run one after the other across
 * requests and nodes: a PostgreSQL advisory lock held until the caller's transaction ends. Two
 * administrators creating the same account at the same moment then get "exists" for the second
 * instead of a unique-key failure, and two changes to one account's groups see each other's result.
 */
@Component
public class NamedLocks {

  private final JdbcTemplate jdbc;

  NamedLocks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Waits until no other transaction holds the lock of {@code kind} and {@code name}, then holds it
   * until this transaction commits or rolls back. Taken before reading what the change depends on.
   */
  public void lock(String kind, String name) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      // outside a transaction the lock would end with the statement that took it
      throw new IllegalStateException("a named lock needs a transaction");
    }
    jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))", rs -> null, kind, name);
  }
}
