package jp.madoguchi.retention;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.audit.OperationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The app's own rows follow the engine: once the engine's history cleanup has removed an
 * application's process instance (its retention has passed), the application, its files,
 * documents, payments, identity requests, notifications and submission record are removed too
 * (files uploaded but never submitted are the attachment module's: deleted after a day).
 * The engine's tables are only read here, never changed. Each removal is published as the
 * operation event {@code retention.removed} with counts, no personal data.
 */
@Service
public class ExpiredApplications {

  static final String KIND = "retention.removed";
  private static final Logger log = LoggerFactory.getLogger(ExpiredApplications.class);
  private static final int BATCH = 200;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  ExpiredApplications(JdbcTemplate jdbc, TransactionTemplate transaction, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.events = events;
  }

  @Scheduled(cron = "${madoguchi.retention.sweep-cron}", zone = "Asia/Tokyo")
  void scheduled() {
    removeExpired();
  }

  /** Removes everything that is due; returns the number of applications removed. */
  public int removeExpired() {
    int removed = 0;
    int batch;
    do {
      batch = transaction.execute(status -> removeBatch());
      removed += batch;
    } while (batch == BATCH);
    return removed;
  }

  private int removeBatch() {
    List<Map<String, Object>> expired = jdbc.queryForList("""
        SELECT a.id, a.tenant_id, a.procedure_key FROM application a
        WHERE NOT EXISTS (SELECT 1 FROM act_hi_procinst h WHERE h.id_ = a.process_instance_id)
          AND NOT EXISTS (SELECT 1 FROM act_ru_execution e WHERE e.id_ = a.process_instance_id)
        ORDER BY a.submitted_at LIMIT ? FOR UPDATE OF a SKIP LOCKED""", BATCH);
    if (expired.isEmpty()) {
      return 0;
    }
    UUID[] ids = expired.stream().map(row -> (UUID) row.get("id")).toArray(UUID[]::new);
    Map<UUID, String> groupOf = new HashMap<>();
    expired.forEach(row -> groupOf.put((UUID) row.get("id"), row.get("tenant_id") + "\n" + row.get("procedure_key")));
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    jdbc.update("""
        DELETE FROM callback_event c USING payment p
        WHERE p.application_id = ANY (?) AND c.tenant_id = p.tenant_id AND c.reference = p.provider_ref""", (Object) ids);
    jdbc.update("""
        DELETE FROM callback_event c USING identity_request r
        WHERE r.application_id = ANY (?) AND c.tenant_id = r.tenant_id AND c.reference = r.provider_ref""", (Object) ids);
    for (String table : List.of("notification_outbox", "attachment", "document", "payment", "identity_request",
        "resident_action_request")) {
      count(counts, groupOf, table, jdbc.queryForList("DELETE FROM " + table + " WHERE application_id = ANY (?) "
          + "RETURNING application_id", UUID.class, (Object) ids));
    }
    count(counts, groupOf, "application_submission", jdbc.queryForList("""
        DELETE FROM application_submission s USING application a
        WHERE a.id = ANY (?) AND s.tenant_id = a.tenant_id AND s.application_number = a.number
        RETURNING a.id""", UUID.class, (Object) ids));
    count(counts, groupOf, "application", jdbc.queryForList("DELETE FROM application WHERE id = ANY (?) RETURNING id",
        UUID.class, (Object) ids));
    counts.forEach((group, tables) -> publish(group.split("\n")[0], group.split("\n")[1], tables));
    return expired.size();
  }

  private static void count(Map<String, Map<String, Integer>> counts, Map<UUID, String> groupOf, String table,
      List<UUID> applicationIds) {
    applicationIds.forEach(id -> counts.computeIfAbsent(groupOf.get(id), group -> new LinkedHashMap<>())
        .merge(table, 1, Integer::sum));
  }

  private void publish(String tenantId, String target, Map<String, Integer> tables) {
    Map<String, String> details = new LinkedHashMap<>();
    tables.forEach((table, rows) -> details.put(table, Integer.toString(rows)));
    events.publishEvent(new OperationEvent(tenantId, "system", KIND, target, details));
    log.info("Retention: removed from tenant {} ({}): {}", tenantId, target, details);
  }
}
