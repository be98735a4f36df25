package jp.madoguchi.database;

import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The statement and socket timeouts protect requests from a database that hangs; a maintenance
 * step that must run to its end however large the tenant (a purge deleting millions of rows in
 * one statement) lifts them for its own transaction. The pool restores the connection's socket
 * timeout when the connection comes back; {@code SET LOCAL} ends with the transaction.
 */
public final class LongStatements {

  private LongStatements() {
  }

  /** Must be called inside the transaction whose statements may take long. */
  public static void allowInThisTransaction(JdbcTemplate jdbc) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("long statements are allowed for a transaction only");
    }
    try {
      DataSourceUtils.getConnection(jdbc.getDataSource()).setNetworkTimeout(Runnable::run, 0);
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("could not lift the socket timeout", e);
    }
    jdbc.execute("SET LOCAL statement_timeout = 0");
  }
}
