package jp.madoguchi.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.springframework.stereotype.Component;

/**
 * A tenant's whole hash chain as JSON Lines, one entry a line in sequence order, so that whoever
 * holds only the file can recompute it: each line has {@code seq}, {@code prevHash}, {@code hash}
 * and every field the hash covers under the name and in the order {@link AuditHashes} takes them
 * ({@code occurredAtMicros} is the time it hashes, microseconds since the epoch, as text), plus
 * {@code occurredAt} in JST at full precision for reading. Read in one snapshot from a cursor: the
 * anchor (the last entry retention removed, or the genesis) and the head returned are those of the
 * lines written.
 */
@Component
public class AuditChainFile {

  private static final DateTimeFormatter JST_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");
  private static final int FETCH_SIZE = 1_000;

  private final DataSource dataSource;
  private final JsonFactory json = JsonFactory.builder().build();

  AuditChainFile(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** @param entries the number of lines; {@code head} is {@code anchor} when there are none */
  public record Written(AuditCheckpoint anchor, AuditCheckpoint head, long entries) {
  }

  public Written write(String tenantId, OutputStream out) throws IOException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      int isolation = connection.getTransactionIsolation();
      connection.setAutoCommit(false); // a cursor, and one snapshot for the anchor and the entries
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        return write(connection, tenantId, out);
      } finally {
        connection.rollback();
        connection.setTransactionIsolation(isolation);
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IOException("The audit chain could not be read", e);
    }
  }

  private Written write(Connection connection, String tenantId, OutputStream out) throws SQLException, IOException {
    AuditCheckpoint anchor = new AuditCheckpoint(0, AuditChainVerifier.hex(AuditHashes.GENESIS));
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT anchor_seq, anchor_hash FROM audit_chain WHERE tenant_id = ?")) {
      statement.setString(1, tenantId);
      try (ResultSet rs = statement.executeQuery()) {
        if (rs.next()) {
          anchor = new AuditCheckpoint(rs.getLong(1), AuditChainVerifier.hex(rs.getBytes(2)));
        }
      }
    }
    AuditCheckpoint head = anchor;
    long entries = 0;
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT * FROM audit_entry WHERE tenant_id = ? AND seq > ? ORDER BY seq");
        JsonGenerator generator = json.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      generator.setRootValueSeparator(null); // each line ends with its own newline
      statement.setFetchSize(FETCH_SIZE);
      statement.setString(1, tenantId);
      statement.setLong(2, anchor.seq());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          head = line(rs, generator);
          entries++;
        }
      }
    }
    return new Written(anchor, head, entries);
  }

  private static AuditCheckpoint line(ResultSet rs, JsonGenerator out) throws SQLException, IOException {
    Instant occurredAt = rs.getTimestamp("occurred_at").toInstant();
    String hash = AuditChainVerifier.hex(rs.getBytes("hash"));
    out.writeStartObject();
    out.writeNumberField("seq", rs.getLong("seq"));
    out.writeStringField("prevHash", AuditChainVerifier.hex(rs.getBytes("prev_hash")));
    out.writeStringField("hash", hash);
    out.writeStringField("occurredAt", JST_MICROS.format(occurredAt.atZone(AuditSearch.JST)));
    out.writeStringField("version", AuditHashes.VERSION);
    out.writeStringField("tenantId", rs.getString("tenant_id"));
    out.writeStringField("occurredAtMicros", Long.toString(AuditHashes.micros(occurredAt)));
    for (String column : new String[] {"category", "kind", "actor", "source_address", "method", "route"}) {
      out.writeStringField(camel(column), rs.getString(column));
    }
    for (String column : new String[] {"status", "duration_ms"}) {
      Integer value = (Integer) rs.getObject(column);
      if (value == null) {
        out.writeNullField(camel(column));
      } else {
        out.writeNumberField(camel(column), value);
      }
    }
    out.writeStringField("applicationNumber", rs.getString("application_number"));
    out.writeBooleanField("personalDataRead", rs.getBoolean("personal_data_read"));
    out.writeStringField("target", rs.getString("target"));
    out.writeStringField("details", rs.getString("details"));
    out.writeEndObject();
    out.writeRaw('\n');
    return new AuditCheckpoint(rs.getLong("seq"), hash);
  }

  private static String camel(String column) {
    int underscore = column.indexOf('_');
    return underscore < 0 ? column
        : column.substring(0, underscore) + Character.toUpperCase(column.charAt(underscore + 1))
            + column.substring(underscore + 2);
  }
}
