package jp.madoguchi.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which entries of one tenant's log to show. Null fields do not filter. {@code kind} matches the
 * kind itself and every kind below it ({@code login} matches {@code login.failed}).
 *
 * @param category {@code ACCESS}, {@code OPERATION} or null for both
 */
public record AuditFilter(String tenantId, String category, Instant from, Instant to, String account,
    String applicationNumber, String kind) {

  String where(List<Object> args) {
    List<String> conditions = new ArrayList<>();
    conditions.add("tenant_id = ?");
    args.add(tenantId);
    if (category != null) {
      conditions.add("category = ?");
      args.add(category);
    }
    if (from != null) {
      conditions.add("occurred_at >= ?");
      args.add(java.sql.Timestamp.from(from));
    }
    if (to != null) {
      conditions.add("occurred_at < ?");
      args.add(java.sql.Timestamp.from(to));
    }
    if (account != null) {
      conditions.add("actor = ?");
      args.add(account);
    }
    if (applicationNumber != null) {
      conditions.add("application_number = ?");
      args.add(applicationNumber);
    }
    if (kind != null) {
      conditions.add("(kind = ? OR kind LIKE ?)");
      args.add(kind);
      args.add(kind.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%");
    }
    return " WHERE " + String.join(" AND ", conditions);
  }
}
