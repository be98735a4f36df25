package jp.madoguchi.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every query names the tenant. */
@Repository
class IdentityRequestRepository {

  private static final String COLUMNS =
      "id, tenant_id, application_id, process_instance_id, status, provider, provider_ref, url, assurance_level";

  private final JdbcTemplate jdbc;

  IdentityRequestRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(IdentityRequest request, Instant at) {
    jdbc.update("""
        INSERT INTO identity_request (id, tenant_id, application_id, process_instance_id, status, provider,
                                      provider_ref, url, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        request.id(), request.tenantId(), request.applicationId(), request.processInstanceId(),
        request.status().name(), request.provider(), request.providerRef(), request.url(), Timestamp.from(at),
        Timestamp.from(at));
  }

  Optional<IdentityRequest> find(String tenantId, UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM identity_request WHERE tenant_id = ? AND id = ?",
        IdentityRequestRepository::map, tenantId, id).stream().findFirst();
  }

  Optional<IdentityRequest> findByProviderRef(String tenantId, String providerRef) {
    return jdbc.query("SELECT " + COLUMNS + " FROM identity_request WHERE tenant_id = ? AND provider_ref = ? FOR UPDATE",
        IdentityRequestRepository::map, tenantId, providerRef).stream().findFirst();
  }

  Optional<IdentityRequest> latestOfApplication(String tenantId, UUID applicationId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM identity_request WHERE tenant_id = ? AND application_id = ? "
        + "ORDER BY created_at DESC LIMIT 1", IdentityRequestRepository::map, tenantId, applicationId)
        .stream().findFirst();
  }

  void verified(String tenantId, UUID id, String assuranceLevel, byte[] encryptedAttributes, Instant at) {
    jdbc.update("""
        UPDATE identity_request SET status = 'VERIFIED', assurance_level = ?, attributes = ?, updated_at = ?
        WHERE tenant_id = ? AND id = ?""", assuranceLevel, encryptedAttributes, Timestamp.from(at), tenantId, id);
  }

  void setStatus(String tenantId, UUID id, IdentityRequest.Status status, Instant at) {
    jdbc.update("UPDATE identity_request SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
        status.name(), Timestamp.from(at), tenantId, id);
  }

  private static IdentityRequest map(ResultSet rs, int row) throws SQLException {
    return new IdentityRequest(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
        rs.getObject("application_id", UUID.class), rs.getString("process_instance_id"),
        IdentityRequest.Status.valueOf(rs.getString("status")), rs.getString("provider"),
        rs.getString("provider_ref"), rs.getString("url"), rs.getString("assurance_level"));
  }
}
