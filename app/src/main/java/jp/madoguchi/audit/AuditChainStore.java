package jp.madoguchi.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.audit.AuditEntry.Category;
import jp.madoguchi.audit.AuditSeals.Head;
import jp.madoguchi.audit.AuditSeals.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to a tenant's chain in one transaction. The chain head row is locked
 * ({@code FOR UPDATE}) for the time of the append, so two nodes writing the same tenant's log
 * take turns and the chain stays one line; tenants do not wait for each other. The new head is
 * sealed ({@link AuditSeals}); when the seal found did not hold, the append first records that
 * in the chain ({@code audit-chain.resealed}).
 */
@Component
class AuditChainStore {

  static final String RESEALED = "audit-chain.resealed";
  /** Reasons of a reseal: the chain had no seal yet (or it was removed), or its seal did not match. */
  static final String UNSEALED = "unsealed";
  static final String MISMATCH = "mismatch";
  private static final String UNSEALED_DETAIL = "\"reason\":\"" + UNSEALED + "\"";

  private static final String INSERT = """
      INSERT INTO audit_entry (tenant_id, seq, occurred_at, category, kind, actor, source_address, method, route,
        status, duration_ms, application_number, personal_data_read, target, details, prev_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  private static final Logger log = LoggerFactory.getLogger(AuditChainStore.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final AuditSeals seals;
  private final Clock clock;

  AuditChainStore(JdbcTemplate jdbc, TransactionTemplate transaction, AuditSeals seals, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.seals = seals;
    this.clock = clock;
  }

  void ensureChain(String tenantId) {
    jdbc.update("INSERT INTO audit_chain (tenant_id, last_hash, anchor_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        tenantId, AuditHashes.GENESIS, AuditHashes.GENESIS);
  }

  void append(String tenantId, List<AuditEntry> entries) {
    ensureChain(tenantId);
    transaction.executeWithoutResult(status -> {
      Head head = Head.of(jdbc.queryForMap("SELECT " + AuditSeals.HEAD_COLUMNS + " FROM audit_chain WHERE tenant_id = ? "
          + "FOR UPDATE", tenantId));
      List<AuditEntry> chained = withResealRecord(tenantId, head, entries);
      long seq = head.lastSeq();
      byte[] previous = head.lastHash();
      List<Object[]> rows = new ArrayList<>(chained.size());
      for (AuditEntry entry : chained) {
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
      byte[] seal = seals.seal(seals.key(tenantId, head), tenantId, head.withLast(seq, previous));
      jdbc.update("UPDATE audit_chain SET last_seq = ?, last_hash = ?, seal = ? WHERE tenant_id = ?", seq, previous, seal,
          tenantId);
    });
  }

  /** The reason an {@code audit-chain.resealed} entry's details give. */
  static String resealReason(String details) {
    return details != null && details.contains(UNSEALED_DETAIL) ? UNSEALED : MISMATCH;
  }

  private List<AuditEntry> withResealRecord(String tenantId, Head head, List<AuditEntry> entries) {
    State state = seals.state(tenantId, head);
    if (state == State.EMPTY || state == State.INTACT) {
      return entries;
    }
    String reason = state == State.UNSEALED ? UNSEALED : MISMATCH;
    if (state == State.BROKEN) {
      log.error("The audit chain of tenant '{}' does not carry the seal it was given (head at {}): it was changed in "
          + "the database. Sealed again; the chain records it as audit-chain.resealed", tenantId, head.lastSeq());
    } else {
      log.info("Sealing the audit chain of tenant '{}' from entry {} on", tenantId, head.lastSeq() + 1);
    }
    List<AuditEntry> chained = new ArrayList<>(entries.size() + 1);
    chained.add(new AuditEntry(tenantId, clock.instant(), Category.OPERATION, RESEALED, "system", null, null, null,
        null, null, null, false, "audit-chain", "{\"reason\":\"" + reason + "\",\"headSeq\":\"" + head.lastSeq() + "\"}",
        null, null));
    chained.addAll(entries);
    return chained;
  }
}
