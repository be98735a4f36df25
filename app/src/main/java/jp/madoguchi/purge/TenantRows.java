package jp.madoguchi.purge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jp.madoguchi.application.ApplicationNumberSequences;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts a tenant's rows in every table: each table with a tenant column (Madoguchi's
 * {@code tenant_id}, the engine's {@code TENANT_ID_}), found in the schema so that a table added
 * later is counted too, the tables keyed by the tenant's accounts or its id, and its application-number
 * sequences.
 */
@Component
class TenantRows {

  /** Table and column of the moments the tenant's own records changed. */
  private static final List<String> CHANGE_TIMES = List.of("application.submitted_at", "attachment.created_at",
      "document.issued_at", "payment.updated_at", "identity_request.updated_at", "callback_event.received_at");

  private final JdbcTemplate jdbc;
  private final ApplicationNumberSequences numberSequences;

  TenantRows(JdbcTemplate jdbc, ApplicationNumberSequences numberSequences) {
    this.jdbc = jdbc;
    this.numberSequences = numberSequences;
  }

  /**
   * Table (and column) → rows of the tenant, every table listed even at 0.
   *
   * @param procedureKeys the keys of the tenant's own procedures, whose departments' grants are its rows
   */
  Map<String, Long> count(String tenantId, Set<String> accounts, Set<String> procedureKeys) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map<String, Object> column : tenantColumns()) {
      String table = (String) column.get("table_name");
      String name = (String) column.get("column_name");
      counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + name + " = ?", Long.class,
          tenantId));
    }
    String[] ids = accounts.toArray(String[]::new);
    counts.put("tenant", count("SELECT count(*) FROM tenant WHERE id = ?", tenantId));
    counts.put("act_id_tenant", count("SELECT count(*) FROM act_id_tenant WHERE id_ = ?", tenantId));
    counts.put("act_id_user", count("SELECT count(*) FROM act_id_user WHERE id_ = ANY (?)", (Object) ids));
    counts.put("act_id_membership", count("SELECT count(*) FROM act_id_membership WHERE user_id_ = ANY (?)", (Object) ids));
    counts.put("act_id_info", count("SELECT count(*) FROM act_id_info WHERE user_id_ = ANY (?)", (Object) ids));
    counts.put("act_ru_authorization", count("SELECT count(*) FROM act_ru_authorization WHERE user_id_ = ANY (?) "
        + "OR resource_id_ = ANY (?) OR resource_id_ = ? OR (resource_type_ = ? AND resource_id_ = ANY (?))", ids, ids,
        tenantId, Resources.PROCESS_DEFINITION.resourceType(), procedureKeys.toArray(String[]::new)));
    counts.put("act_ru_filter", count("SELECT count(*) FROM act_ru_filter WHERE owner_ = ANY (?)", (Object) ids));
    counts.put("staff_account", count("SELECT count(*) FROM staff_account WHERE user_id = ANY (?)", (Object) ids));
    counts.put("login_lock", count("SELECT count(*) FROM login_lock WHERE kind = 'ACCOUNT' AND subject = ANY (?)", (Object) ids));
    counts.put("login_known_network", count("SELECT count(*) FROM login_known_network WHERE account = ANY (?)",
        (Object) ids));
    counts.put("application_number_sequences", (long) numberSequences.of(tenantId).size());
    return counts;
  }

  /** The keys of the procedures the tenant deployed itself (a key has one owner). */
  Set<String> ownProcedureKeys(String tenantId) {
    return Set.copyOf(jdbc.queryForList("SELECT DISTINCT key_ FROM act_re_procdef WHERE tenant_id_ = ?", String.class,
        tenantId));
  }

  /** Every column named {@code tenant_id} or {@code tenant_id_} in the app's schema (tables only, not views). */
  List<Map<String, Object>> tenantColumns() {
    return jdbc.queryForList("""
        SELECT c.table_name, c.column_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND lower(c.column_name) IN ('tenant_id', 'tenant_id_')
        ORDER BY c.table_name""");
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  /**
   * Whether the tenant's own records changed after the instant: an application filed, a file added (a
   * resident's or a clerk's photo), a document issued, a payment or identity step changed, a provider's
   * callback received (also one too late to move anything).
   */
  boolean changedSince(String tenantId, Instant since) {
    List<String> checks = CHANGE_TIMES.stream()
        .map(time -> "EXISTS (SELECT 1 FROM " + time.replace(".", " WHERE tenant_id = ? AND ") + " > ?)").toList();
    Object[] args = CHANGE_TIMES.stream().flatMap(time -> Stream.of(tenantId, Timestamp.from(since))).toArray();
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT " + String.join(" OR ", checks), Boolean.class, args));
  }
}
