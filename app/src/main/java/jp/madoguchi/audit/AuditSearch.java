package jp.madoguchi.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a tenant's log: pages of JSON, or every match as CSV streamed from a database cursor
 * (autocommit off, a fetch size), so memory stays flat however many entries match.
 */
@Component
public class AuditSearch {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final String COLUMNS = "id, seq, occurred_at, category, kind, actor, source_address, method, route, "
      + "status, duration_ms, application_number, personal_data_read, target, details";
  private static final int FETCH_SIZE = 1_000;
  static final String[] CSV_HEADER = {"日時(JST)", "区分", "種別", "アカウント", "送信元アドレス", "メソッド", "ルート",
      "ステータス", "所要時間(ms)", "申請番号", "個人情報の閲覧", "対象", "詳細", "連番"};

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  AuditSearch(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  public AuditPage search(AuditFilter filter, int page, int size) {
    List<Object> args = new ArrayList<>();
    String where = filter.where(args);
    long total = jdbc.queryForObject("SELECT count(*) FROM audit_entry" + where, Long.class, args.toArray());
    args.add(size);
    args.add((long) page * size);
    List<AuditItem> items = jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + where
        + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?", (rs, row) -> item(rs), args.toArray());
    return new AuditPage(items, page, size, total);
  }

  /** Every match, oldest first, as CSV: UTF-8 with a BOM (Excel), formulas neutralised. */
  public void writeCsv(AuditFilter filter, OutputStream out) throws IOException {
    List<Object> args = new ArrayList<>();
    String sql = "SELECT " + COLUMNS + " FROM audit_entry" + filter.where(args) + " ORDER BY occurred_at, id";
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
      try (PreparedStatement statement = connection.prepareStatement(sql);
          CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(CSV_HEADER).get())) {
        statement.setFetchSize(FETCH_SIZE);
        for (int i = 0; i < args.size(); i++) {
          statement.setObject(i + 1, args.get(i));
        }
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            csv.printRecord((Object[]) CsvCells.row(item(rs)));
          }
        }
        csv.flush();
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IOException("The audit log could not be read", e);
    }
  }

  private static AuditItem item(ResultSet rs) throws SQLException {
    return new AuditItem(rs.getLong("id"), rs.getLong("seq"),
        rs.getTimestamp("occurred_at").toInstant().atZone(JST).toOffsetDateTime(), rs.getString("category"),
        rs.getString("kind"), rs.getString("actor"), rs.getString("source_address"), rs.getString("method"),
        rs.getString("route"), (Integer) rs.getObject("status"), (Integer) rs.getObject("duration_ms"),
        rs.getString("application_number"), rs.getBoolean("personal_data_read"), rs.getString("target"),
        rs.getString("details"));
  }

  public record AuditPage(List<AuditItem> items, int page, int size, long total) {
  }

  /** One entry as the tenant admin sees it; the time in JST. */
  public record AuditItem(long id, long seq, OffsetDateTime occurredAt, String category, String kind, String account,
      String sourceAddress, String method, String route, Integer status, Integer durationMs, String applicationNumber,
      boolean personalDataRead, String target, String details) {
  }
}
