package jp.madoguchi.staff;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What Madoguchi keeps about a staff account beyond Camunda's identity service: whether it is
 * disabled and whether its password is an initial (or reset) one the person must change first.
 */
@Repository
public class StaffAccounts {

  private final JdbcTemplate jdbc;

  StaffAccounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public AccountFlags flags(String userId) {
    return jdbc.query("SELECT disabled, must_change_password FROM staff_account WHERE user_id = ?",
        (rs, row) -> new AccountFlags(rs.getBoolean(1), rs.getBoolean(2)), userId)
        .stream().findFirst().orElse(AccountFlags.NONE);
  }

  public void setDisabled(String userId, boolean disabled) {
    upsert(userId, "disabled", disabled);
  }

  public void setMustChangePassword(String userId, boolean mustChange) {
    upsert(userId, "must_change_password", mustChange);
  }

  public void forget(String userId) {
    jdbc.update("DELETE FROM staff_account WHERE user_id = ?", userId);
  }

  private void upsert(String userId, String column, boolean value) {
    jdbc.update("INSERT INTO staff_account (user_id, " + column + ") VALUES (?, ?) "
        + "ON CONFLICT (user_id) DO UPDATE SET " + column + " = EXCLUDED." + column + ", updated_at = now()",
        userId, value);
  }

  /** @param mustChangePassword the password is an initial or reset one: only changing it is allowed */
  public record AccountFlags(boolean disabled, boolean mustChangePassword) {
    static final AccountFlags NONE = new AccountFlags(false, false);
  }
}
