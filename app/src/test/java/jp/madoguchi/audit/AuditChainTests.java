package jp.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.audit.AuditChainVerifier.Verification;
import jp.madoguchi.audit.AuditEntry.Category;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The hash chain: intact when written, broken at the row someone changes or removes in the database. */
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
}
