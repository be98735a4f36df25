package jp.madoguchi.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every query names the tenant: no application of one tenant is ever read for another. */
@Repository
public class ApplicationRepository {

  private static final String COLUMNS =
      "id, tenant_id, number, procedure_key, process_instance_id, resident_ref, submitted_at, label";

  private final JdbcTemplate jdbc;

  ApplicationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ApplicationRecord application, ApplicationChannel channel, byte[] encryptedPayload) {
    jdbc.update("""
        INSERT INTO application (id, tenant_id, number, procedure_key, process_instance_id, resident_ref,
                                 submitted_at, payload, label, channel)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        application.id(), application.tenantId(), application.number(), application.procedureKey(),
        application.processInstanceId(), application.residentRef(), Timestamp.from(application.submittedAt()),
        encryptedPayload, application.label(), channel.name());
  }

  public Optional<ApplicationRecord> findByNumber(String tenantId, String number) {
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE tenant_id = ? AND number = ?",
        ApplicationRepository::map, tenantId, number).stream().findFirst();
  }

  /** The resident's application, its row locked until the transaction ends; another resident's: empty. */
  Optional<ApplicationRecord> lockResidents(String tenantId, String residentRef, String number) {
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE tenant_id = ? AND number = ? AND resident_ref = ? "
        + "FOR UPDATE", ApplicationRepository::map, tenantId, number, residentRef).stream().findFirst();
  }

  public Optional<ApplicationRecord> findByProcessInstance(String tenantId, String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE tenant_id = ? AND process_instance_id = ?",
        ApplicationRepository::map, tenantId, processInstanceId).stream().findFirst();
  }

  public java.util.List<ApplicationRecord> findRecentByResident(String tenantId, String residentRef, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE tenant_id = ? AND resident_ref = ? "
        + "ORDER BY submitted_at DESC LIMIT ?", ApplicationRepository::map, tenantId, residentRef, limit);
  }

  void updatePayload(String tenantId, UUID id, byte[] encryptedPayload) {
    jdbc.update("UPDATE application SET payload = ? WHERE tenant_id = ? AND id = ?", encryptedPayload, tenantId, id);
  }

  Optional<byte[]> encryptedPayload(String tenantId, UUID id) {
    return jdbc.query("SELECT payload FROM application WHERE tenant_id = ? AND id = ?",
        (rs, row) -> rs.getBytes(1), tenantId, id).stream().findFirst();
  }

  private static ApplicationRecord map(ResultSet rs, int row) throws SQLException {
    return new ApplicationRecord(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("number"),
        rs.getString("procedure_key"), rs.getString("process_instance_id"), rs.getString("resident_ref"),
        rs.getTimestamp("submitted_at").toInstant(), rs.getString("label"));
  }
}
