package jp.madoguchi.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to a tenant's chain in one transaction. The chain head row is locked
 * ({@code FOR UPDATE}) for the time of the append, so two nodes writing the same tenant's log
 * take turns and the chain stays one line; tenants do not wait for each other.
 */
@Component
class AuditChainStore {

  private static final String INSERT = """
      INSERT INTO audit_entry (tenant_id, seq, occurred_at, category, kind, actor, source_address, method, route,
        status, duration_ms, application_number, personal_data_read, target, details, prev_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  AuditChainStore(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  void ensureChain(String tenantId) {
    jdbc.update("INSERT INTO audit_chain (tenant_id, last_hash, anchor_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        tenantId, AuditHashes.GENESIS, AuditHashes.GENESIS);
  }

  void append(String tenantId, List<AuditEntry> entries) {
    ensureChain(tenantId);
    transaction.executeWithoutResult(status -> {
      var head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain WHERE tenant_id = ? FOR UPDATE", tenantId);
      long seq = (Long) head.get("last_seq");
      byte[] previous = (byte[]) head.get("last_hash");
      List<Object[]> rows = new ArrayList<>(entries.size());
      for (AuditEntry entry : entries) {
        seq++;
        byte[] hash = AuditHashes.hash(previous, seq, entry);
        rows.add(new Object[] {tenantId, seq, Timestamp.from(entry.occurredAt()), entry.category().name(), entry.kind(),
            entry.actor(), entry.sourceAddress(), entry.method(), entry.route(), entry.status(), entry.durationMs(),
            entry.applicationNumber(), entry.personalDataRead(), entry.target(), entry.details(), previous, hash});
        previous = hash;
      }
      jdbc.batchUpdate(INSERT, rows, new int[] {Types.VARCHAR, Types.BIGINT, Types.TIMESTAMP,
          Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
          Types.INTEGER, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR, Types.BINARY, Types.BINARY});
      jdbc.update("UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE tenant_id = ?", seq, previous, tenantId);
    });
  }
}
