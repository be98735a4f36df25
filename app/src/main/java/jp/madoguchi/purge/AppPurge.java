package jp.madoguchi.purge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.application.ApplicationNumberSequences;
import jp.madoguchi.database.LongStatements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a tenant's rows from Madoguchi's own tables in one transaction: every table with a
 * {@code tenant_id} (found in the schema; children before the tables they reference), the tenant's
 * account flags and login locks, the tenant row, and its application-number sequences. The audit log is left to {@code AuditPurge}.
 */
@Component
class AppPurge {

  private static final Set<String> LEFT_TO_AUDIT = Set.of("audit_entry", "audit_chain");

  private final JdbcTemplate jdbc;
  private final TenantRows rows;
  private final ApplicationNumberSequences numberSequences;

  AppPurge(JdbcTemplate jdbc, TenantRows rows, ApplicationNumberSequences numberSequences) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.numberSequences = numberSequences;
  }

  @Transactional
  public void purge(String tenantId, Set<String> accounts) {
    LongStatements.allowInThisTransaction(jdbc);
    String[] ids = accounts.toArray(String[]::new);
    jdbc.update("DELETE FROM staff_account WHERE user_id = ANY (?)", (Object) ids);
    jdbc.update("DELETE FROM login_lock WHERE kind = 'ACCOUNT' AND subject = ANY (?)", (Object) ids);
    jdbc.update("DELETE FROM login_known_network WHERE account = ANY (?)", (Object) ids);
    for (String table : childrenFirst(tenantTables())) {
      jdbc.update("DELETE FROM " + table + " WHERE tenant_id = ?", tenantId);
    }
    jdbc.update("DELETE FROM tenant WHERE id = ?", tenantId);
    numberSequences.drop(tenantId);
  }

  private List<String> tenantTables() {
    return rows.tenantColumns().stream().filter(column -> "tenant_id".equals(column.get("column_name")))
        .map(column -> (String) column.get("table_name")).filter(table -> !LEFT_TO_AUDIT.contains(table)).toList();
  }

  /** The tables ordered so that a table comes before every table its foreign keys point to. */
  private List<String> childrenFirst(List<String> tables) {
    List<Map<String, Object>> references = jdbc.queryForList("""
        SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
        FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid""");
    Set<String> remaining = new LinkedHashSet<>(tables);
    List<String> ordered = new ArrayList<>();
    while (!remaining.isEmpty()) {
      List<String> free = remaining.stream().filter(table -> references.stream()
          .noneMatch(reference -> table.equals(reference.get("parent")) && remaining.contains(reference.get("child"))))
          .toList();
      if (free.isEmpty()) {
        throw new IllegalStateException("Foreign keys between " + remaining + " form a cycle");
      }
      ordered.addAll(free);
      free.forEach(remaining::remove);
    }
    return ordered;
  }
}
