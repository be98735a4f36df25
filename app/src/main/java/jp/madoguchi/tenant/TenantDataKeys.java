package jp.madoguchi.tenant;

import jp.madoguchi.crypto.KeysWrappedByMaster;
import jp.madoguchi.crypto.MasterKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each tenant's data key in {@code tenant.data_key}, wrapped by the master key (a purged tenant's is gone). */
@Component
class TenantDataKeys implements KeysWrappedByMaster {

  private final JdbcTemplate jdbc;

  TenantDataKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String what() {
    return "tenant data keys";
  }

  @Override
  public int rewrap(MasterKey master) {
    int changed = 0;
    for (var row : jdbc.queryForList("SELECT id, data_key FROM tenant WHERE data_key IS NOT NULL ORDER BY id FOR UPDATE")) {
      String id = (String) row.get("id");
      var rewrapped = master.rewrapped((byte[]) row.get("data_key"), TenantKeys.owner(id));
      if (rewrapped.isPresent()) {
        changed += jdbc.update("UPDATE tenant SET data_key = ? WHERE id = ?", rewrapped.get(), id);
      }
    }
    return changed;
  }
}
