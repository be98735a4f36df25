package jp.madoguchi.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.application.ApplicationData;
import org.springframework.stereotype.Component;

/**
 * Reads a tenant's applications from a database cursor (autocommit off, a fetch size), the payload
 * opened with the tenant's key one row at a time: memory holds one fetch of rows, never the tenant.
 * The process definition comes from the engine's history of the instance.
 */
@Component
class ApplicationRows {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final String QUERY = """
      SELECT a.number, a.procedure_key, a.process_instance_id, a.submitted_at, a.channel, a.payload,
             h.proc_def_id_, h.state_, h.end_time_
      FROM application a LEFT JOIN act_hi_procinst h ON h.proc_inst_id_ = a.process_instance_id
      WHERE a.tenant_id = ? ORDER BY a.procedure_key, a.submitted_at, a.number""";

  private final TenantCursor cursor;
  private final ApplicationData data;

  ApplicationRows(TenantCursor cursor, ApplicationData data) {
    this.cursor = cursor;
    this.data = data;
  }

  record Row(String number, String procedureKey, String processDefinitionId, String processInstanceId,
      OffsetDateTime submittedAt, String channel, String state, OffsetDateTime endedAt, ObjectNode data) {
  }

  interface RowConsumer {
    void accept(Row row) throws Exception;
  }

  /** Every application of the tenant, ordered by procedure, then by submission. */
  void forEach(String tenantId, RowConsumer consumer) throws Exception {
    cursor.forEach(QUERY, tenantId, rs -> consumer.accept(row(tenantId, rs)));
  }

  private Row row(String tenantId, ResultSet rs) throws SQLException {
    String number = rs.getString("number");
    ObjectNode opened;
    try {
      opened = (ObjectNode) data.open(tenantId, rs.getBytes("payload"));
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException unreadable) {
      throw new UnreadableApplication(number, unreadable);
    }
    return new Row(number, rs.getString("procedure_key"), rs.getString("proc_def_id_"),
        rs.getString("process_instance_id"), time(rs.getTimestamp("submitted_at").toInstant()),
        rs.getString("channel"), rs.getString("state_"),
        rs.getTimestamp("end_time_") == null ? null : time(rs.getTimestamp("end_time_").toInstant()), opened);
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atZone(JST).toOffsetDateTime();
  }
}
