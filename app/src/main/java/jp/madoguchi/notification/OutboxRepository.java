package jp.madoguchi.notification;

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
}
