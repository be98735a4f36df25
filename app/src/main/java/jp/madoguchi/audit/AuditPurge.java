package jp.madoguchi.audit;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import jp.madoguchi.database.LongStatements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes a purged tenant's whole log and its chain head, the one deletion besides retention that
 * the append-only trigger lets through (it says so in its transaction). Called once the tenant row
 * is gone, so that entries still arriving for it land in the deployment's own log. The log itself
 * went to the municipality in its export; what remains is the head of the chain as it was, which
 * the purge certificate (in the deployment's log) records.
 */
@Component
public class AuditPurge {

  private final AuditLog auditLog;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  AuditPurge(AuditLog auditLog, JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.auditLog = auditLog;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /** The chain head and count of what was removed. */
  public record RemovedLog(long entries, long lastSeq, String lastHash) {
  }

  public RemovedLog removeLogOf(String tenantId) {
    if (tenantId == null || tenantId.isEmpty()) {
      throw new IllegalArgumentException("The deployment's own log is never removed");
    }
    auditLog.flush(Duration.ofSeconds(30));
    return transaction.execute(status -> {
      LongStatements.allowInThisTransaction(jdbc);
      jdbc.execute("SET LOCAL madoguchi.audit_retention = 'on'");
      Map<String, Object> head = jdbc.queryForList("SELECT last_seq, last_hash FROM audit_chain WHERE tenant_id = ? "
          + "FOR UPDATE", tenantId).stream().findFirst().orElse(Map.of("last_seq", 0L, "last_hash", new byte[0]));
      int entries = jdbc.update("DELETE FROM audit_entry WHERE tenant_id = ?", tenantId);
      jdbc.update("DELETE FROM audit_chain WHERE tenant_id = ?", tenantId);
      return new RemovedLog(entries, (Long) head.get("last_seq"), HexFormat.of().formatHex((byte[]) head.get("last_hash")));
    });
  }
}
