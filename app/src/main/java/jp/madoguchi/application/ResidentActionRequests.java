package jp.madoguchi.application;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a correction or withdrawal safe to send again: its {@code clientRequestId} is recorded in the
 * transaction that does it, so a copy sent after a lost answer finds it done. A copy that arrives while
 * the first is still running waits for it on the key's row (PostgreSQL's {@code ON CONFLICT}), then
 * finds it done, or does it itself when the first was rolled back.
 */
@Component
class ResidentActionRequests {

  private final JdbcTemplate jdbc;

  ResidentActionRequests(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the request; false when this application already recorded it, i.e. it was done before.
   *
   * @throws ActionNotAllowedException when the key was used for another action of the application
   */
  boolean firstTime(ApplicationRecord application, UUID clientRequestId, String action) {
    int inserted = jdbc.update("""
        INSERT INTO resident_action_request (tenant_id, application_id, client_request_id, action)
        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
        application.tenantId(), application.id(), clientRequestId, action);
    if (inserted == 1) {
      return true;
    }
    String recorded = jdbc.queryForObject("""
        SELECT action FROM resident_action_request WHERE application_id = ? AND client_request_id = ?""",
        String.class, application.id(), clientRequestId);
    if (!action.equals(recorded)) {
      throw new ActionNotAllowedException("この clientRequestId はこの申請の別の操作に使われています。新しい値で送ってください "
          + "(this clientRequestId was used for another action on this application)");
    }
    return false;
  }
}
