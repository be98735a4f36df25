package jp.madoguchi.purge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jp.madoguchi.staff.StaffRequestException;
import org.springframework.stereotype.Component;

/**
 * One purge of a municipality at a time across every node: a PostgreSQL session lock held on a
 * connection of its own while the purge runs, released by the database if the node dies.
 */
@Component
class PurgeLock {

  private final DataSource dataSource;

  PurgeLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Held until closed; refused with 409 while another purge of the same municipality runs. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  Held acquire(String tenant) {
    try {
      Connection connection = dataSource.getConnection();
      try {
        if (!call(connection, "SELECT pg_try_advisory_lock(hashtext('madoguchi.purge'), hashtext(?))", tenant)) {
          throw new StaffRequestException(409, "この自治体の削除はいま実行中です。終わるまでお待ちください "
              + "(a purge of this municipality is running)");
        }
      } catch (RuntimeException | SQLException e) {
        connection.close();
        throw e;
      }
      return () -> release(connection, tenant);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the purge lock", e);
    }
  }

  private static void release(Connection connection, String tenant) {
    try (connection) {
      call(connection, "SELECT pg_advisory_unlock(hashtext('madoguchi.purge'), hashtext(?))", tenant);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not release the purge lock", e);
    }
  }

  private static boolean call(Connection connection, String sql, String tenant) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, tenant);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }
}
