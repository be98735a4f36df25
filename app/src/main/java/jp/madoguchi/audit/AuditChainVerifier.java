package jp.madoguchi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import jp.madoguchi.audit.AuditSeals.Head;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes a tenant's chain from its anchor (the last entry retention removed, or the start) to
 * its head, in one consistent snapshot: every entry must follow the previous one's hash, carry the
 * next sequence number and hash to what it says; the last must be the head. A changed, removed or
 * inserted row breaks it at that row. The chain's seal must match its anchor and head
 * ({@link AuditSeals}): rewritten entries with every later hash recomputed break it there. The
 * answer also lists where a writer found the seal not holding and sealed the chain again.
 */
@Component
public class AuditChainVerifier {

  private final JdbcTemplate cursor;
  private final TransactionTemplate snapshot;
  private final AuditSeals seals;
  private final Clock clock;

  AuditChainVerifier(DataSource dataSource, PlatformTransactionManager transactions, AuditSeals seals, Clock clock) {
    this.cursor = new JdbcTemplate(dataSource);
    this.cursor.setFetchSize(1_000);
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.snapshot.setReadOnly(true);
    this.seals = seals;
    this.clock = clock;
  }

  public Verification verify(String tenantId) {
    return verify(tenantId, null);
  }

  /** The chain's head now, as a checkpoint to note (the genesis when nothing was written). */
  public AuditCheckpoint head(String tenantId) {
    return cursor.query("SELECT last_seq, last_hash FROM audit_chain WHERE tenant_id = ?", rs -> rs.next()
        ? new AuditCheckpoint(rs.getLong(1), hex(rs.getBytes(2)))
        : new AuditCheckpoint(0, hex(AuditHashes.GENESIS)), tenantId);
  }

  /**
   * @param expected an entry the caller noted earlier (from an export's manifest, a purge
   *     certificate or the daily log line of the heads): the chain must still hold it, or have
   *     removed it by retention; null: none
   */
  public Verification verify(String tenantId, AuditCheckpoint expected) {
    return snapshot.execute(status -> {
      var heads = cursor.queryForList(
          "SELECT " + AuditSeals.HEAD_COLUMNS + " FROM audit_chain WHERE tenant_id = ?", tenantId);
      if (heads.isEmpty()) {
        AuditCheckpoint.Result checked = expected == null ? null : expected.check(0, AuditHashes.GENESIS, 0, null);
        boolean holds = checked == null || checked.holds();
        return new Verification(holds, 0, 0, hex(AuditHashes.GENESIS), 0, hex(AuditHashes.GENESIS), Seal.EMPTY, List.of(),
            checked, holds ? null : new Break(0L, null, "the chain is empty but once held entry " + expected.seq()),
            clock.instant());
      }
      Head head = Head.of(heads.get(0));
      long anchorSeq = head.anchorSeq();
      byte[] anchorHash = head.anchorHash();
      long lastSeq = head.lastSeq();
      byte[] lastHash = head.lastHash();
      var walk = new Walk(anchorSeq, anchorHash, expected);
      cursor.query("SELECT * FROM audit_entry WHERE tenant_id = ? AND seq > ? ORDER BY seq", rs -> {
        walk.next(rs);
      }, tenantId, anchorSeq);
      String problem = walk.problem;
      if (problem == null && (walk.seq != lastSeq || !Arrays.equals(walk.hash, lastHash))) {
        problem = "the chain ends at " + walk.seq + " but its head says " + lastSeq + " (entries removed at the end?)";
      }
      Seal seal = Seal.valueOf(seals.state(tenantId, head).name());
      Break broken = problem == null ? null : new Break(walk.brokenSeq, walk.brokenId, problem);
      if (broken == null && seal == Seal.BROKEN) {
        broken = new Break(lastSeq, null, "the chain's anchor and head do not carry the seal the application gave them: "
            + "entries were rewritten in the database and the hashes recomputed");
      }
      AuditCheckpoint.Result checked = expected == null ? null
          : expected.check(anchorSeq, anchorHash, lastSeq, walk.expectedFound);
      if (broken == null && checked != null && !checked.holds()) {
        broken = new Break(expected.seq(), null, AuditCheckpoint.BEYOND_HEAD.equals(checked.result())
            ? "the chain ends at " + lastSeq + " but once held entry " + expected.seq() + " (set back?)"
            : "entry " + expected.seq() + " is not the entry noted (rewritten?)");
      }
      return new Verification(broken == null, walk.count, anchorSeq, hex(anchorHash), lastSeq, hex(lastHash), seal,
          walk.reseals, checked, broken, clock.instant());
    });
  }

  private static final class Walk {
    final AuditCheckpoint expected;
    byte[] expectedFound;
    long seq;
    byte[] hash;
    long count;
    final List<Reseal> reseals = new ArrayList<>();
    String problem;
    Long brokenSeq;
    Long brokenId;

    Walk(long seq, byte[] hash, AuditCheckpoint expected) {
      this.seq = seq;
      this.hash = hash;
      this.expected = expected;
    }

    void next(ResultSet rs) throws SQLException {
      if (problem != null) {
        return;
      }
      long rowSeq = rs.getLong("seq");
      byte[] stored = rs.getBytes("hash");
      String reason = null;
      if (rowSeq != seq + 1) {
        reason = "entry " + (seq + 1) + " is missing";
      } else if (!Arrays.equals(rs.getBytes("prev_hash"), hash)) {
        reason = "entry " + rowSeq + " does not follow the previous entry's hash";
      } else if (!Arrays.equals(stored, AuditHashes.hash(hash, rs.getString("tenant_id"), rowSeq,
          rs.getTimestamp("occurred_at").toInstant(), rs.getString("category"), rs.getString("kind"),
          rs.getString("actor"), rs.getString("source_address"), rs.getString("method"), rs.getString("route"),
          (Integer) rs.getObject("status"), (Integer) rs.getObject("duration_ms"), rs.getString("application_number"),
          rs.getBoolean("personal_data_read"), rs.getString("target"), rs.getString("details")))) {
        reason = "entry " + rowSeq + " was changed after it was written";
      }
      if (reason != null) {
        problem = reason;
        brokenSeq = rowSeq;
        brokenId = rs.getLong("id");
        return;
      }
      seq = rowSeq;
      hash = stored;
      count++;
      if (expected != null && expected.seq() == rowSeq) {
        expectedFound = stored;
      }
      if (AuditChainStore.RESEALED.equals(rs.getString("kind"))) {
        reseals.add(new Reseal(rowSeq, rs.getTimestamp("occurred_at").toInstant(),
            AuditChainStore.resealReason(rs.getString("details"))));
      }
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * @param seal what the seal says about the anchor and head now
   * @param checkpoint how the chain compares with the entry the caller noted; null: none given
   * @param reseals where a writer found the seal not holding (or none yet) and sealed the chain again
   * @param brokenAt null when the chain is intact
   */
  public record Verification(boolean valid, long entries, long anchorSeq, String anchorHash, long headSeq,
      String headHash, Seal seal, List<Reseal> reseals, AuditCheckpoint.Result checkpoint, Break brokenAt,
      Instant verifiedAt) {
  }

  /** {@code EMPTY}: nothing written; {@code UNSEALED}: entries from before seals, sealed at the next entry. */
  public enum Seal { EMPTY, INTACT, UNSEALED, BROKEN }

  /** @param reason {@code unsealed} (first seal of an older chain, or its seal removed) or {@code mismatch} */
  public record Reseal(long seq, Instant occurredAt, String reason) {
  }

  public record Break(Long seq, Long id, String reason) {
  }
}
