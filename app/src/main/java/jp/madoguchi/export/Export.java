package jp.madoguchi.export;

import java.time.Instant;
import java.util.UUID;

/** One export as stored: {@code status} RUNNING, READY, FAILED or EXPIRED; {@code phase} what it is doing now. */
record Export(UUID id, String tenantId, String requestedBy, boolean includeSensitive, String status, String phase,
    long itemsDone, long itemsTotal, String failure, Instant createdAt, Instant finishedAt, Instant expiresAt,
    Long sizeBytes, String manifestSha256, Instant downloadedAt, String downloadedBy, int downloadCount) {

  boolean ready() {
    return "READY".equals(status);
  }
}
