package jp.madoguchi.audit;

import jp.madoguchi.crypto.KeysWrappedByMaster;
import jp.madoguchi.crypto.MasterKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The keys of each tenant's log in {@code audit_chain}: the seal's and the residents' pseudonyms'. */
@Component
class AuditKeys implements KeysWrappedByMaster {

  private final JdbcTemplate jdbc;

  AuditKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String what() {
    return "log seal and pseudonym keys";
  }

  @Override
  public int rewrap(MasterKey master) {
    int changed = 0;
    for (var row : jdbc.queryForList(
        "SELECT tenant_id, seal_key, pseudonym_key FROM audit_chain ORDER BY tenant_id FOR UPDATE")) {
      String tenantId = (String) row.get("tenant_id");
      changed += rewrap(master, "seal_key", (byte[]) row.get("seal_key"), AuditSeals.owner(tenantId), tenantId);
      changed += rewrap(master, "pseudonym_key", (byte[]) row.get("pseudonym_key"), ResidentPseudonyms.owner(tenantId),
          tenantId);
    }
    return changed;
  }

  private int rewrap(MasterKey master, String column, byte[] wrapped, String owner, String tenantId) {
    if (wrapped == null) {
      return 0;
    }
    return master.rewrapped(wrapped, owner)
        .map(key -> jdbc.update("UPDATE audit_chain SET " + column + " = ? WHERE tenant_id = ?", key, tenantId))
        .orElse(0);
  }
}
