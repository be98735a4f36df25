package jp.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.audit.AuditCheckpoint;
import jp.madoguchi.audit.AuditChainVerifier.Reseal;
import jp.madoguchi.audit.AuditChainVerifier.Seal;
import jp.madoguchi.audit.AuditChainVerifier.Verification;
import jp.madoguchi.audit.AuditEntry.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain: intact when written, broken at the row someone changes or removes in the
 * database; its seal broken when someone also recomputes every later hash.
 */
class AuditChainTests extends IntegrationTest {

  @Autowired AuditChainStore store;
  @Autowired AuditChainVerifier verifier;
  @Autowired AuditRetention retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  private static AuditEntry entry(String chain, Instant at, String route) {
    return new AuditEntry(chain, at, Category.ACCESS, "access", "demo-clerk", "192.0.2.1", "GET", route, 200, 3,
        "2026-000001", true, null, null, null, null);
  }

  private void write(String chain, int count, Instant at) {
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(entry(chain, at.plusMillis(i), "/engine-rest/task/{id}"));
    }
    store.append(chain, entries);
  }

  @Test
  void shouldBreakAtTheRowChangedDirectlyInTheDatabase() {
    write("tamper-test", 20, Instant.now());
    assertThat(verifier.verify("tamper-test").valid()).isTrue();
    assertThat(verifier.verify("tamper-test").entries()).isEqualTo(20);

    // the application's database user cannot change a row: the table is append-only
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET route = '/nothing' WHERE tenant_id = 'tamper-test' AND seq = 7"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE tenant_id = 'tamper-test' AND seq = 7"))
        .hasMessageContaining("append-only");

    // a database administrator can, by switching the triggers off; the chain shows it
    asAdministrator("UPDATE audit_entry SET actor = 'someone-else' WHERE tenant_id = 'tamper-test' AND seq = 7");
    Verification changed = verifier.verify("tamper-test");
    assertThat(changed.valid()).isFalse();
    assertThat(changed.brokenAt().seq()).isEqualTo(7);
    assertThat(changed.brokenAt().reason()).contains("changed");
    asAdministrator("UPDATE audit_entry SET actor = 'demo-clerk' WHERE tenant_id = 'tamper-test' AND seq = 7");
    assertThat(verifier.verify("tamper-test").valid()).isTrue();

    asAdministrator("DELETE FROM audit_entry WHERE tenant_id = 'tamper-test' AND seq = 12");
    Verification removed = verifier.verify("tamper-test");
    assertThat(removed.valid()).isFalse();
    assertThat(removed.brokenAt().reason()).contains("12 is missing");

    asAdministrator("DELETE FROM audit_entry WHERE tenant_id = 'tamper-test' AND seq > 11");
    assertThat(verifier.verify("tamper-test").brokenAt().reason()).as("cut off at the end").contains("head");
  }

  @Test
  void shouldNotTakeARewriteWithEveryLaterHashRecomputedForAnIntactChain() {
    write("rewrite-test", 20, Instant.now());
    Verification written = verifier.verify("rewrite-test");
    assertThat(written.seal()).isEqualTo(Seal.INTACT);
    assertThat(written.reseals()).isEmpty();

    // what someone with write access to the database can do without the master key: remove entry 12,
    // renumber and rehash everything after it, and set the head to match
    rewriteWithout("rewrite-test", 12);
    Verification rewritten = verifier.verify("rewrite-test");
    assertThat(rewritten.valid()).isFalse();
    assertThat(rewritten.seal()).isEqualTo(Seal.BROKEN);
    assertThat(rewritten.headSeq()).isEqualTo(19);
    assertThat(rewritten.brokenAt().reason()).contains("seal");

    // the next entry written seals the chain again, and the chain keeps the record of it
    write("rewrite-test", 1, Instant.now());
    Verification after = verifier.verify("rewrite-test");
    assertThat(after.valid()).isTrue();
    assertThat(after.seal()).isEqualTo(Seal.INTACT);
    assertThat(after.reseals()).extracting(Reseal::seq, Reseal::reason).containsExactly(tuple(20L, "mismatch"));
    assertThat(after.entries()).isEqualTo(21);

    // removing that record means rewriting once more, which breaks the seal again
    rewriteWithout("rewrite-test", 20);
    assertThat(verifier.verify("rewrite-test").seal()).isEqualTo(Seal.BROKEN);
  }

  @Test
  void shouldRecordWhereAChainWasSealedThatHadNoSealOrAnotherChainsKey() {
    write("unsealed-test", 5, Instant.now());
    write("other-key-test", 5, Instant.now());
    // as a chain written before seals existed looks; or one whose seal someone removed
    jdbc.update("UPDATE audit_chain SET seal = NULL WHERE tenant_id = 'unsealed-test'");
    Verification unsealed = verifier.verify("unsealed-test");
    assertThat(unsealed.valid()).isTrue();
    assertThat(unsealed.seal()).isEqualTo(Seal.UNSEALED);
    write("unsealed-test", 1, Instant.now());
    Verification sealed = verifier.verify("unsealed-test");
    assertThat(sealed.seal()).isEqualTo(Seal.INTACT);
    assertThat(sealed.reseals()).extracting(Reseal::seq, Reseal::reason).containsExactly(tuple(6L, "unsealed"));

    // a key is bound to its chain: another chain's key and seal do not open here
    jdbc.update("UPDATE audit_chain SET (seal_key, seal) = (SELECT seal_key, seal FROM audit_chain "
        + "WHERE tenant_id = 'unsealed-test') WHERE tenant_id = 'other-key-test'");
    assertThat(verifier.verify("other-key-test").seal()).isEqualTo(Seal.BROKEN);
    write("other-key-test", 1, Instant.now());
    assertThat(verifier.verify("other-key-test").reseals()).extracting(Reseal::reason).containsExactly("mismatch");
  }

  @Test
  void shouldCheckTheChainAgainstAnEntryNotedEarlier() {
    write("checkpoint-test", 10, Instant.now());
    Verification now = verifier.verify("checkpoint-test");
    AuditCheckpoint noted = new AuditCheckpoint(now.headSeq(), now.headHash());
    write("checkpoint-test", 5, Instant.now());

    Verification later = verifier.verify("checkpoint-test", noted);
    assertThat(later.valid()).isTrue();
    assertThat(later.checkpoint().result()).isEqualTo("match");
    assertThat(verifier.verify("checkpoint-test", new AuditCheckpoint(10, "0".repeat(64))).checkpoint().result())
        .isEqualTo("mismatch");

    // set back whole to the state before the noted entry, with that state's own seal: the seal holds,
    // the noted entry does not
    Verification earlier = verifier.verify("checkpoint-test");
    byte[] sealThen = jdbc.queryForObject("SELECT seal FROM audit_chain WHERE tenant_id = 'checkpoint-test'", byte[].class);
    write("checkpoint-test", 3, Instant.now());
    asAdministrator("DELETE FROM audit_entry WHERE tenant_id = 'checkpoint-test' AND seq > " + earlier.headSeq());
    jdbc.update("UPDATE audit_chain SET last_seq = ?, last_hash = decode(?, 'hex'), seal = ? WHERE tenant_id = 'checkpoint-test'",
        earlier.headSeq(), earlier.headHash(), sealThen);
    assertThat(verifier.verify("checkpoint-test").valid()).as("without a checkpoint nothing shows").isTrue();
    Verification setBack = verifier.verify("checkpoint-test", new AuditCheckpoint(18, "ab".repeat(32)));
    assertThat(setBack.valid()).isFalse();
    assertThat(setBack.checkpoint().result()).isEqualTo("beyond-head");
    assertThat(setBack.brokenAt().reason()).contains("set back");

    assertThatThrownBy(() -> AuditCheckpoint.of(3L, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditCheckpoint.of(3L, "xyz")).isInstanceOf(IllegalArgumentException.class);
    assertThat(AuditCheckpoint.of(null, null)).isNull();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void shouldWriteEachChainsHeadIntoTheApplicationLogEveryNight(CapturedOutput output) {
    write("heads-test", 2, Instant.now());
    Verification head = verifier.verify("heads-test");
    retention.removeExpired();
    assertThat(output.getOut()).contains("Audit chain head of tenant 'heads-test': seq=2 hash=" + head.headHash());
  }

  /** Removes an entry and renumbers and rehashes the rest, as only the missing seal key can show. */
  private void rewriteWithout(String chain, long removedSeq) {
    transaction.executeWithoutResult(status -> {
      jdbc.execute("SET LOCAL session_replication_role = replica");
      jdbc.update("DELETE FROM audit_entry WHERE tenant_id = ? AND seq = ?", chain, removedSeq);
      byte[] previous = jdbc.queryForObject("SELECT hash FROM audit_entry WHERE tenant_id = ? AND seq = ?", byte[].class,
          chain, removedSeq - 1);
      long seq = removedSeq;
      for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM audit_entry WHERE tenant_id = ? AND seq > ? "
          + "ORDER BY seq", chain, removedSeq)) {
        byte[] hash = AuditHashes.hash(previous, chain, seq, ((Timestamp) row.get("occurred_at")).toInstant(),
            (String) row.get("category"), (String) row.get("kind"), (String) row.get("actor"),
            (String) row.get("source_address"), (String) row.get("method"), (String) row.get("route"),
            (Integer) row.get("status"), (Integer) row.get("duration_ms"), (String) row.get("application_number"),
            (Boolean) row.get("personal_data_read"), (String) row.get("target"), (String) row.get("details"));
        jdbc.update("UPDATE audit_entry SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?", seq, previous, hash,
            row.get("id"));
        previous = hash;
        seq++;
      }
      jdbc.update("UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE tenant_id = ?", seq - 1, previous, chain);
    });
  }

  private void asAdministrator(String sql) {
    transaction.executeWithoutResult(status -> {
      jdbc.execute("SET LOCAL session_replication_role = replica");
      jdbc.update(sql);
    });
  }

  @Test
  void shouldKeepOneChainWhenTwoWritersAppendToTheSameTenant() throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int writer = 0; writer < 2; writer++) {
        done.add(writers.submit(() -> {
          for (int batch = 0; batch < 20; batch++) {
            write("concurrent-test", 10, Instant.now());
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      writers.shutdown();
    }
    Verification verification = verifier.verify("concurrent-test");
    assertThat(verification.valid()).as(String.valueOf(verification.brokenAt())).isTrue();
    assertThat(verification.entries()).isEqualTo(400);
  }

  @Test
  void shouldRemoveExpiredEntriesAndStayVerifiableFromTheAnchor() {
    Instant old = Instant.now().minus(Duration.ofDays(400));
    write("retention-test", 30, old);
    write("retention-test", 5, Instant.now());
    assertThat(retention.retentionDays("retention-test")).isEqualTo(365);
    long removed = retention.removeExpired("retention-test");
    assertThat(removed).isEqualTo(30);
    Verification verification = verifier.verify("retention-test");
    assertThat(verification.valid()).isTrue();
    assertThat(verification.anchorSeq()).isEqualTo(30);
    assertThat(verification.entries()).isEqualTo(5);
    assertThat(jdbc.queryForObject("SELECT min(seq) FROM audit_entry WHERE tenant_id = 'retention-test'", Long.class))
        .isEqualTo(31);
    // what retention keeps, it keeps verifiable: changing the first kept entry still shows
    asAdministrator("UPDATE audit_entry SET status = 500 WHERE tenant_id = 'retention-test' AND seq = 31");
    assertThat(verifier.verify("retention-test").brokenAt().seq()).isEqualTo(31);
    assertThatThrownBy(() -> retention.setRetentionDays("retention-test", 30, "demo-admin"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldSealTheNewAnchorAndRemoveNothingFromAChainWhoseSealDoesNotHold() {
    Instant old = Instant.now().minus(Duration.ofDays(400));
    write("retention-seal-test", 10, old);
    write("retention-seal-test", 2, Instant.now());
    jdbc.update("UPDATE audit_chain SET seal = NULL WHERE tenant_id = 'retention-seal-test'");
    assertThat(retention.removeExpired("retention-seal-test")).as("unsealed: waits for the next entry").isZero();
    jdbc.update("UPDATE audit_chain SET seal = decode(repeat('00', 32), 'hex') WHERE tenant_id = 'retention-seal-test'");
    assertThat(retention.removeExpired("retention-seal-test")).as("seal broken").isZero();
    assertThat(count("retention-seal-test")).isEqualTo(12);

    write("retention-seal-test", 1, Instant.now());
    // the retention period is sealed too: one shortened in the database removes nothing
    jdbc.update("UPDATE audit_chain SET retention_days = 1 WHERE tenant_id = 'retention-seal-test'");
    assertThat(verifier.verify("retention-seal-test").seal()).isEqualTo(Seal.BROKEN);
    assertThat(retention.removeExpired("retention-seal-test")).isZero();
    jdbc.update("UPDATE audit_chain SET retention_days = 365 WHERE tenant_id = 'retention-seal-test'");
    retention.setRetentionDays("retention-seal-test", 400, "demo-admin");
    assertThat(verifier.verify("retention-seal-test").seal()).as("changed through the app: sealed").isEqualTo(Seal.INTACT);
    retention.setRetentionDays("retention-seal-test", 365, "demo-admin");
    assertThat(retention.removeExpired("retention-seal-test")).isEqualTo(10);
    Verification verification = verifier.verify("retention-seal-test");
    assertThat(verification.valid()).isTrue();
    assertThat(verification.seal()).as("the new anchor is sealed").isEqualTo(Seal.INTACT);
    assertThat(verification.anchorSeq()).isEqualTo(10);
    // moving the anchor on without the key, to hide older entries still within retention, shows
    asAdministrator("DELETE FROM audit_entry WHERE tenant_id = 'retention-seal-test' AND seq = 11");
    jdbc.update("UPDATE audit_chain SET (anchor_seq, anchor_hash) = (11, (SELECT prev_hash FROM audit_entry "
        + "WHERE tenant_id = 'retention-seal-test' AND seq = 12)) WHERE tenant_id = 'retention-seal-test'");
    Verification moved = verifier.verify("retention-seal-test");
    assertThat(moved.seal()).isEqualTo(Seal.BROKEN);
    assertThat(moved.valid()).isFalse();
  }

  private long count(String chain) {
    return jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE tenant_id = ?", Long.class, chain);
  }
}
