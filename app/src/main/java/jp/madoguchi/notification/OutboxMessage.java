package jp.madoguchi.notification;

import java.util.UUID;

/**
 * A notification waiting to be sent to a resident. The retry key is fixed when the message is
 * queued and sent with every try ({@code X-Line-Retry-Key}), so LINE delivers it at most once.
 */
record OutboxMessage(UUID id, String tenantId, UUID applicationId, String processInstanceId, String activityId,
    String residentRef, String messageJson, UUID retryKey, Status status) {

  enum Status { PENDING, SENT, FAILED, SKIPPED }
}
