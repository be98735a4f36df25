package jp.madoguchi.document;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Issued documents; every query names the tenant. The content column holds the encrypted PDF. */
@Repository
class DocumentRepository {

  private final JdbcTemplate jdbc;

  DocumentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Row(UUID id, String tenantId, UUID applicationId, String applicationNumber, String layout, String title,
      String sha256, Instant issuedAt) {
  }

  /** An issued document whose PDF is produced when it is first asked for. */
  void insertIssued(Row row, String processInstanceId, String activityId, byte[] encryptedSource) {
    jdbc.update("""
        INSERT INTO document (id, tenant_id, application_id, process_instance_id, activity_id, layout, title,
                              source, issued_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        row.id(), row.tenantId(), row.applicationId(), processInstanceId, activityId, row.layout(), row.title(),
        encryptedSource, Timestamp.from(row.issuedAt()));
  }

  record Stored(byte[] encryptedContent, byte[] encryptedSource) {
  }

  byte[] encryptedContent(String tenantId, UUID id) {
    return jdbc.queryForObject("SELECT content FROM document WHERE tenant_id = ? AND id = ?", byte[].class, tenantId, id);
  }

  /** The row locked for this transaction: whoever produces the PDF first does so alone. */
  Stored lockContent(String tenantId, UUID id) {
    return jdbc.queryForObject("SELECT content, source FROM document WHERE tenant_id = ? AND id = ? FOR UPDATE",
        (rs, n) -> new Stored(rs.getBytes(1), rs.getBytes(2)), tenantId, id);
  }

  /** The PDF replaces the source: from now on the document is exactly these bytes. */
  void seal(String tenantId, UUID id, String sha256, int size, byte[] encryptedContent) {
    jdbc.update("UPDATE document SET sha256 = ?, size_bytes = ?, content = ?, source = NULL WHERE tenant_id = ? AND id = ?",
        sha256, size, encryptedContent, tenantId, id);
  }

  private static final String SELECT = """
      SELECT d.id, d.tenant_id, d.application_id, a.number, d.layout, d.title, d.sha256, d.issued_at
      FROM document d JOIN application a ON a.id = d.application_id AND a.tenant_id = d.tenant_id
      """;

  Optional<Row> find(String tenantId, UUID id) {
    return jdbc.query(SELECT + "WHERE d.tenant_id = ? AND d.id = ?", DocumentRepository::map, tenantId, id)
        .stream().findFirst();
  }

  Optional<String> processInstanceOf(String tenantId, UUID id) {
    return jdbc.queryForList("SELECT process_instance_id FROM document WHERE tenant_id = ? AND id = ?", String.class,
        tenantId, id).stream().findFirst();
  }

  /** A document of the resident's own application with that number, or nothing. */
  Optional<Row> findForResident(String tenantId, String residentRef, String number, UUID id) {
    return jdbc.query(SELECT + "WHERE d.tenant_id = ? AND a.resident_ref = ? AND a.number = ? AND d.id = ?",
        DocumentRepository::map, tenantId, residentRef, number, id).stream().findFirst();
  }

  List<Row> findByApplication(String tenantId, String residentRef, String number) {
    return jdbc.query(SELECT + "WHERE d.tenant_id = ? AND a.resident_ref = ? AND a.number = ? ORDER BY d.issued_at, d.id",
        DocumentRepository::map, tenantId, residentRef, number);
  }

  private static Row map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
  }
}
