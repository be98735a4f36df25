package jp.madoguchi.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class SupportGrantRepository {

  private static final String COLUMNS =
      "id, tenant_id, operator_id, reason, granted_by, created_at, expires_at, ended_at, ended_by";

  private final JdbcTemplate jdbc;

  SupportGrantRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(SupportGrant grant) {
    jdbc.update("INSERT INTO support_grant (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
        grant.id(), grant.tenantId(), grant.operatorId(), grant.reason(), grant.grantedBy(),
        Timestamp.from(grant.createdAt()), Timestamp.from(grant.expiresAt()));
  }

  List<SupportGrant> ofTenant(String tenantId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM support_grant WHERE tenant_id = ? ORDER BY created_at DESC LIMIT 200",
        SupportGrantRepository::map, tenantId);
  }

  Optional<SupportGrant> find(String tenantId, UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM support_grant WHERE tenant_id = ? AND id = ?",
        SupportGrantRepository::map, tenantId, id).stream().findFirst();
  }

  /** Ends the grant unless it has ended already; true when this call ended it. */
  boolean end(String tenantId, UUID id, Instant at, String by) {
    return jdbc.update("UPDATE support_grant SET ended_at = ?, ended_by = ? WHERE tenant_id = ? AND id = ? "
        + "AND ended_at IS NULL", Timestamp.from(at), by, tenantId, id) == 1;
  }

  /** Grants past their end time that nobody ended yet, by operator (the order their locks are taken in). */
  List<SupportGrant> expired(Instant now) {
    return jdbc.query("SELECT " + COLUMNS + " FROM support_grant WHERE ended_at IS NULL AND expires_at <= ? "
        + "ORDER BY operator_id, id",
        SupportGrantRepository::map, Timestamp.from(now));
  }

  /** The tenants the operator may look into now. */
  Set<String> activeTenantsOf(String operatorId, Instant now) {
    return new TreeSet<>(jdbc.queryForList("SELECT DISTINCT tenant_id FROM support_grant WHERE operator_id = ? "
        + "AND ended_at IS NULL AND expires_at > ?", String.class, operatorId, Timestamp.from(now)));
  }

  private static SupportGrant map(ResultSet rs, int row) throws SQLException {
    Timestamp ended = rs.getTimestamp("ended_at");
    return new SupportGrant(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("operator_id"),
        rs.getString("reason"), rs.getString("granted_by"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(), ended == null ? null : ended.toInstant(), rs.getString("ended_by"));
  }
}
