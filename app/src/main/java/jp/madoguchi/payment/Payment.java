package jp.madoguchi.payment;

import java.time.Instant;
import java.util.UUID;

/** A fee the resident is asked to pay in an application. Amounts are whole yen. */
record Payment(UUID id, String tenantId, UUID applicationId, String processInstanceId, int amount, String description,
    Status status, String provider, String providerRef, String payUrl, Instant createdAt, Instant paidAt) {

  enum Status { REQUESTED, PAID, FAILED, CANCELLED, EXPIRED }
}
