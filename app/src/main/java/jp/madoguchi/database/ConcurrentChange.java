package jp.madoguchi.database;

import java.sql.SQLException;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Whether a failure means "another request changed the same rows at the same moment" (worth a 409:
 * nothing was done, look again and repeat) rather than a fault: the engine's optimistic locking, a
 * unique key taken by a transaction that committed first, a serialization failure or a deadlock.
 */
public final class ConcurrentChange {

  public static final String MESSAGE = "同じものがすでにあるか、ほかの操作で同時に変更されました。画面を更新して確かめてから、"
      + "もう一度行ってください (it exists already or another request changed it at the same moment: reload, check and "
      + "try again)";

  /** unique_violation, serialization_failure, deadlock_detected */
  private static final Set<String> STATES = Set.of("23505", "40001", "40P01");

  private ConcurrentChange() {
  }

  public static boolean isCause(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
      if (cause instanceof OptimisticLockingException
          || cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
