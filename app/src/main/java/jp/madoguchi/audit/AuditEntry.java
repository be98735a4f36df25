package jp.madoguchi.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One entry of a tenant's audit log before it is chained. Two fields never reach the database:
 * {@code lineUserId} (turned into a pseudonym by the writer) and {@code processInstanceId} (turned
 * into the application number by the writer), so that the request thread does no extra work.
 *
 * @param tenantId the tenant whose log keeps it; {@code ""} for the deployment (operators, unknown accounts)
 */
record AuditEntry(String tenantId, Instant occurredAt, Category category, String kind, String actor,
    String sourceAddress, String method, String route, Integer status, Integer durationMs,
    String applicationNumber, boolean personalDataRead, String target, String details,
    String lineUserId, String processInstanceId) {

  enum Category { ACCESS, OPERATION }

  AuditEntry {
    tenantId = tenantId == null ? "" : tenantId;
    // PostgreSQL keeps microseconds: the hash must be over what is stored
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
  }

  AuditEntry withTenant(String tenant) {
    return new AuditEntry(tenant, occurredAt, category, kind, actor, sourceAddress, method, route, status,
        durationMs, applicationNumber, personalDataRead, target, details, lineUserId, processInstanceId);
  }

  AuditEntry resolved(String resolvedActor, String resolvedApplicationNumber) {
    return new AuditEntry(tenantId, occurredAt, category, kind, resolvedActor, sourceAddress, method, route, status,
        durationMs, resolvedApplicationNumber, personalDataRead, target, details, null, null);
  }
}
