package jp.madoguchi.tenant;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class TenantRepository {

  private final JdbcTemplate jdbc;

  TenantRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Tenant> findById(String id) {
    return jdbc.query("""
        SELECT id, name, status, line_login_channel_id, liff_id, staff_allowed_cidrs
        FROM tenant WHERE id = ?""", TenantRepository::map, id).stream().findFirst();
  }

  public List<Tenant> findAll() {
    return jdbc.query("""
        SELECT id, name, status, line_login_channel_id, liff_id, staff_allowed_cidrs
        FROM tenant ORDER BY id""", TenantRepository::map);
  }

  boolean exists(String id) {
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM tenant WHERE id = ?)", Boolean.class, id));
  }

  void insert(NewTenant tenant) {
    jdbc.update(con -> {
      var statement = con.prepareStatement("""
          INSERT INTO tenant (id, name, data_key, line_channel_secret, line_channel_access_token,
                              line_login_channel_id, liff_id, staff_allowed_cidrs)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
      statement.setString(1, tenant.id());
      statement.setString(2, tenant.name());
      statement.setBytes(3, tenant.wrappedDataKey());
      statement.setBytes(4, tenant.encryptedChannelSecret());
      statement.setBytes(5, tenant.encryptedChannelAccessToken());
      statement.setString(6, tenant.loginChannelId());
      statement.setString(7, tenant.liffId());
      statement.setArray(8, con.createArrayOf("text", tenant.staffAllowedCidrs().toArray()));
      return statement;
    });
  }

  /** LINE settings of an active tenant; the secret and the token are still encrypted. */
  public Optional<LineSettings> lineSettings(String id) {
    return jdbc.query("""
        SELECT line_channel_secret, line_channel_access_token, liff_id, line_rich_menu_id
        FROM tenant WHERE id = ? AND status = 'ACTIVE'""",
        (rs, row) -> new LineSettings(rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getString(4)), id)
        .stream().findFirst();
  }

  public void updateStatus(String id, Tenant.TenantStatus status) {
    jdbc.update("UPDATE tenant SET status = ?, updated_at = now() WHERE id = ?", status.name(), id);
  }

  public void updateStaffAllowedCidrs(String id, List<String> cidrs) {
    jdbc.update(con -> {
      var statement = con.prepareStatement("UPDATE tenant SET staff_allowed_cidrs = ?, updated_at = now() WHERE id = ?");
      statement.setArray(1, con.createArrayOf("text", cidrs.toArray()));
      statement.setString(2, id);
      return statement;
    });
  }

  public void saveRichMenuId(String id, String richMenuId) {
    jdbc.update("UPDATE tenant SET line_rich_menu_id = ?, updated_at = now() WHERE id = ?", richMenuId, id);
  }

  public record LineSettings(byte[] channelSecret, byte[] channelAccessToken, String liffId, String richMenuId) {
    /** What the channel secret and access token are sealed for with the tenant's data key. */
    public static final String SECRET_PURPOSE = "line_channel_secret";
    public static final String TOKEN_PURPOSE = "line_channel_access_token";
  }

  /** New LINE channel settings; null: kept. The secret and the token come sealed with the tenant's data key. */
  public record LineChannelUpdate(byte[] sealedSecret, byte[] sealedToken, String loginChannelId, String liffId) {
  }

  /** Changes the LINE channel settings of an active tenant; false when there is none. */
  public boolean updateLineChannel(String id, LineChannelUpdate update) {
    return jdbc.update("""
        UPDATE tenant SET line_channel_secret = COALESCE(?, line_channel_secret),
          line_channel_access_token = COALESCE(?, line_channel_access_token),
          line_login_channel_id = COALESCE(?, line_login_channel_id), liff_id = COALESCE(?, liff_id), updated_at = now()
        WHERE id = ? AND status = 'ACTIVE'""", update.sealedSecret(), update.sealedToken(), update.loginChannelId(),
        update.liffId(), id) == 1;
  }

  Optional<byte[]> wrappedDataKey(String id) {
    return jdbc.query("SELECT data_key FROM tenant WHERE id = ? AND data_key IS NOT NULL", (rs, i) -> rs.getBytes(1), id)
        .stream().findFirst();
  }

  boolean destroyDataKey(String id) {
    return jdbc.update("UPDATE tenant SET data_key = NULL, data_key_destroyed_at = now(), updated_at = now() WHERE id = ?",
        id) == 1;
  }

  private static Tenant map(ResultSet rs, int row) throws SQLException {
    Array cidrs = rs.getArray("staff_allowed_cidrs");
    return new Tenant(rs.getString("id"), rs.getString("name"), Tenant.TenantStatus.valueOf(rs.getString("status")),
        rs.getString("line_login_channel_id"), rs.getString("liff_id"),
        cidrs == null ? List.of() : Arrays.asList((String[]) cidrs.getArray()));
  }

  record NewTenant(String id, String name, byte[] wrappedDataKey, byte[] encryptedChannelSecret,
      byte[] encryptedChannelAccessToken, String loginChannelId, String liffId, List<String> staffAllowedCidrs) {
  }
}
