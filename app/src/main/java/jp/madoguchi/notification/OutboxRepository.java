package jp.madoguchi.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

  private final JdbcTemplate jdbc;

  OutboxRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(OutboxMessage message, byte[] encryptedMessage) {
    jdbc.update("""
        INSERT INTO notification_outbox (id, tenant_id, application_id, process_instance_id, activity_id,
                                         resident_ref, message, retry_key, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        message.id(), message.tenantId(), message.applicationId(), message.processInstanceId(), message.activityId(),
        message.residentRef(), encryptedMessage, message.retryKey(), message.status().name());
  }

  /**
   * Takes due messages of every tenant but the held ones; a node that dies holding them gives them
   * back after the lease.
   */
  List<DueMessage> claimDue(int limit, Duration lease, Collection<String> heldTenants) {
    return jdbc.query(CLAIM.formatted("NOT (tenant_id = ANY (?))"), OutboxRepository::due, lease.toMillis(),
        (Object) heldTenants.toArray(String[]::new), limit);
  }

  List<DueMessage> claimDueOf(String tenantId, int limit, Duration lease) {
    return jdbc.query(CLAIM.formatted("tenant_id = ?"), OutboxRepository::due, lease.toMillis(), tenantId, limit);
  }

  private static final String CLAIM = """
      UPDATE notification_outbox SET next_attempt_at = now() + (? * interval '1 millisecond'), attempts = attempts + 1
      WHERE id IN (SELECT id FROM notification_outbox
                   WHERE status = 'PENDING' AND next_attempt_at <= now() AND %s
                   ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING id, tenant_id, resident_ref, message, retry_key, attempts, tries_since""";

  private static DueMessage due(ResultSet rs, int row) throws SQLException {
    return new DueMessage(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("resident_ref"),
        rs.getBytes("message"), rs.getObject("retry_key", UUID.class), rs.getInt("attempts"),
        rs.getTimestamp("tries_since").toInstant());
  }

  void markSent(List<UUID> ids) {
    update("UPDATE notification_outbox SET status = 'SENT', sent_at = now(), last_error = NULL WHERE id = ?", ids);
  }

  void markSkipped(List<UUID> ids) {
    update("UPDATE notification_outbox SET status = 'SKIPPED', last_error = 'resident unfollowed' WHERE id = ?", ids);
  }

  void markFailed(UUID id, String error) {
    jdbc.update("UPDATE notification_outbox SET status = 'FAILED', last_error = ? WHERE id = ?", truncate(error), id);
  }

  void retryAt(UUID id, Instant when, String error) {
    jdbc.update("UPDATE notification_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?",
        Timestamp.from(when), truncate(error), id);
  }

  List<OutboxEntry> list(String tenantId, String status, int limit) {
    return jdbc.query("""
        SELECT id, process_instance_id, activity_id, status, attempts, last_error, created_at, sent_at
        FROM notification_outbox WHERE tenant_id = ? AND status = ? ORDER BY created_at DESC LIMIT ?""",
        (rs, row) -> new OutboxEntry(rs.getObject("id", UUID.class), rs.getString("process_instance_id"),
            rs.getString("activity_id"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
            jst(rs.getTimestamp("created_at")), jst(rs.getTimestamp("sent_at"))),
        tenantId, status, limit);
  }

  /** Gives a failed message another round of tries, with the same retry key. */
  boolean requeue(String tenantId, UUID id) {
    return jdbc.update("""
        UPDATE notification_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = now(), tries_since = now()
        WHERE tenant_id = ? AND id = ? AND status = 'FAILED'""", tenantId, id) == 1;
  }

  private void update(String sql, List<UUID> ids) {
    if (!ids.isEmpty()) {
      jdbc.batchUpdate(sql, ids.stream().map(id -> new Object[] {id}).toList());
    }
  }

  private static String truncate(String error) {
    return error == null ? null : error.substring(0, Math.min(error.length(), 500));
  }

  record DueMessage(UUID id, String tenantId, String residentRef, byte[] message, UUID retryKey, int attempts,
      Instant triesSince) {
  }

  /** Times in JST, as staff read them. */
  record OutboxEntry(UUID id, String processInstanceId, String activityId, String status, int attempts,
      String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {
  }

  private static OffsetDateTime jst(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.ofHours(9));
  }
}
