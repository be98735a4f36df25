package jp.madoguchi.access;

import java.time.Instant;
import java.util.UUID;

/** A SaaS operator's time-limited access to one tenant's applications, given by the tenant's admin. */
public record SupportGrant(UUID id, String tenantId, String operatorId, String reason, String grantedBy,
    Instant createdAt, Instant expiresAt, Instant endedAt, String endedBy) {

  public boolean activeAt(Instant now) {
    return endedAt == null && expiresAt.isAfter(now);
  }
}
