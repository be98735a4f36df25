package jp.madoguchi.line;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who follows the tenant's Official Account; a resident who blocked it is never pushed to. */
@Repository
public class LineResidents {

  private final JdbcTemplate jdbc;

  LineResidents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void follow(String tenantId, String userId) {
    save(tenantId, userId, true);
  }

  void unfollow(String tenantId, String userId) {
    save(tenantId, userId, false);
  }

  /** True unless the resident unfollowed (someone who befriended before Madoguchi was connected is reachable). */
  public boolean reachable(String tenantId, String userId) {
    Boolean followed = jdbc.query("SELECT followed FROM line_resident WHERE tenant_id = ? AND user_id = ?",
        rs -> rs.next() ? rs.getBoolean(1) : null, tenantId, userId);
    return followed == null || followed;
  }

  /** Of these residents, the ones who unfollowed: one query for a whole batch of notifications. */
  public java.util.Set<String> unfollowed(String tenantId, java.util.Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.queryForList(
        "SELECT user_id FROM line_resident WHERE tenant_id = ? AND user_id = ANY (?) AND NOT followed", String.class,
        tenantId, userIds.toArray(String[]::new)));
  }

  private void save(String tenantId, String userId, boolean followed) {
    jdbc.update("""
        INSERT INTO line_resident (tenant_id, user_id, followed) VALUES (?, ?, ?)
        ON CONFLICT (tenant_id, user_id) DO UPDATE SET followed = EXCLUDED.followed, updated_at = now()""",
        tenantId, userId, followed);
  }
}
