package jp.madoguchi.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/** Runs a query with the tenant as its only parameter over a cursor (autocommit off, the export's fetch size). */
@Component
class TenantCursor {

  interface RowHandler {
    void handle(ResultSet row) throws Exception;
  }

  private final DataSource dataSource;
  private final ExportProperties properties;

  TenantCursor(DataSource dataSource, ExportProperties properties) {
    this.dataSource = dataSource;
    this.properties = properties;
  }

  void forEach(String query, String tenantId, RowHandler handler) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
      try (PreparedStatement statement = connection.prepareStatement(query)) {
        statement.setFetchSize(properties.fetchSize());
        statement.setString(1, tenantId);
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            handler.handle(rs);
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    }
  }
}
