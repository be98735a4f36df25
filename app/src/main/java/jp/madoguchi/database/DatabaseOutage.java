package jp.madoguchi.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "the database cannot be reached or does not answer now" (worth a 503
 * and a retry) rather than a mistake in the request or the code.
 */
public final class DatabaseOutage {

  /** What clients are told to wait before retrying, in seconds. */
  public static final int RETRY_AFTER_SECONDS = 5;
  public static final String MESSAGE =
      "ただいまサービスを一時的に利用できません。しばらくしてから、もう一度お試しください。"
      + " (The service is temporarily unavailable; please try again shortly.)";

  /** Connection errors (08), shutdown or starting server (57P01-57P03), statement timeout (57014), too many connections. */
  private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "57014", "53300");

  /**
   * What HikariCP says (without an SQL state) when a connection it has already thrown away as
   * broken is used again, typically by the rollback after the failure that broke it.
   */
  private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

  private DatabaseOutage() {
  }

  public static boolean isCause(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessResourceException
          || cause instanceof QueryTimeoutException) {
        return true;
      }
      if (cause instanceof SQLException sql && (sql.getSQLState() == null
          ? POOL_CLOSED_CONNECTION.equals(sql.getMessage())
          : sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
        return true;
      }
      if (cause instanceof TransactionSystemException rollbackFailed && rollbackFailed.getApplicationException() != null
          && isCause(rollbackFailed.getApplicationException())) {
        return true;
      }
    }
    return false;
  }
}
