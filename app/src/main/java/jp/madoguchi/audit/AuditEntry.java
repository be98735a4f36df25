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

  /**
   * Every value as its column in audit_entry (changelog 051) can hold it, so that the hash is over what
   * is stored and no request can make a batch unwritable: a value a client chose (a path's application
   * number, an HTTP method, a user name) may be longer than any real one.
   */
  AuditEntry {
    tenantId = tenantId == null ? "" : storable(tenantId, 64);
    // PostgreSQL keeps microseconds: the hash must be over what is stored
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    kind = storable(kind, 64);
    actor = storable(actor, 128);
    sourceAddress = storable(sourceAddress, 64);
    method = storable(method, 16);
    route = storable(route, 300);
    applicationNumber = storable(applicationNumber, 32);
    target = storable(target, 200);
    details = storable(details, Integer.MAX_VALUE);
  }

  /**
   * At most {@code length} characters as PostgreSQL counts them (code points), a shortened value ending
   * in "…"; a NUL, which PostgreSQL cannot store in text, replaced by U+FFFD.
   */
  static String storable(String value, int length) {
    if (value == null) {
      return null;
    }
    String text = value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    if (text.length() <= length || text.codePointCount(0, text.length()) <= length) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, length - 1)) + "…";
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
