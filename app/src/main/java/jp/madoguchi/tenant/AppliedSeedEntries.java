package jp.madoguchi.tenant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which entries of the tenants seed file a start has applied already. A seed entry is applied once:
 * an account, membership or department name the municipality's administrator removed afterwards
 * must not come back with the next start (with the seed file's initial password, for an account).
 */
@Component
class AppliedSeedEntries {

  /** Operators belong to no tenant. */
  static final String DEPLOYMENT = "";

  enum Kind { STAFF, MEMBERSHIP, DEPARTMENT_NAME, OPERATOR }

  private final JdbcTemplate jdbc;

  AppliedSeedEntries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean applied(String tenantId, Kind kind, String subject) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM seed_applied WHERE tenant_id = ? AND kind = ? AND subject = ?)",
        Boolean.class, tenantId, kind.name(), subject));
  }

  void record(String tenantId, Kind kind, String subject) {
    jdbc.update("INSERT INTO seed_applied (tenant_id, kind, subject) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        tenantId, kind.name(), subject);
  }
}
