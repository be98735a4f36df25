package jp.madoguchi.database;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/** The embedded PostgreSQL started but refused the password the app gave it (SQL state 28P01). */
public final class PasswordRefusedException extends IOException {

  private static final String INVALID_PASSWORD = "28P01";

  private PasswordRefusedException(Throwable failure) {
    super("The embedded PostgreSQL refused the password it was given", failure);
  }

  static Optional<PasswordRefusedException> causing(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && INVALID_PASSWORD.equals(sql.getSQLState())) {
        return Optional.of(new PasswordRefusedException(failure));
      }
    }
    return Optional.empty();
  }
}
