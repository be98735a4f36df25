package jp.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jp.madoguchi.audit.AuditEntry.Category;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The writer thread against a database that refuses one entry's values: the others are written, the
 * refused one is counted as lost and said so in the log, and the writer goes on. Before, it tried the
 * same batch again every second for ever.
 */
class AuditLogWriterTests {

  @Test
  void shouldWriteTheRestOfABatchTheDatabaseRefusesAndRecordTheLoss() {
    RefusingStore store = new RefusingStore();
    AuditLog auditLog = new AuditLog(new PassThroughResolver(), store,
        new AuditProperties(true, 100, 10, Duration.ofMillis(100), null), Clock.systemUTC());
    auditLog.start();
    try {
      auditLog.append(entry("before"));
      auditLog.append(entry(RefusingStore.REFUSED));
      auditLog.append(entry("after"));
      auditLog.flush(Duration.ofSeconds(5));
      auditLog.append(entry("later"));
      auditLog.flush(Duration.ofSeconds(5));
    } finally {
      auditLog.stop();
    }

    assertThat(store.written).extracting(AuditEntry::kind)
        .containsSubsequence("before", "after", "later")
        .doesNotContain(RefusingStore.REFUSED);
    assertThat(store.written).filteredOn(entry -> entry.kind().equals("audit.entries-lost"))
        .singleElement().extracting(AuditEntry::details).isEqualTo("{\"count\":\"1\"}");
  }

  @Test
  void shouldShortenValuesToWhatTheColumnsHold() {
    AuditEntry entry = new AuditEntry("demo", Instant.now(), Category.ACCESS, "access", "名".repeat(300), null,
        "GETTHEWHOLELISTOFSTAFF", null, 404, 1, "9".repeat(40) + "\0", false, null, "{\"a\":\"\0\"}", null, null);

    assertThat(entry.actor()).hasSize(128).endsWith("名…");
    assertThat(entry.method()).isEqualTo("GETTHEWHOLELIST…");
    assertThat(entry.applicationNumber()).isEqualTo("9".repeat(31) + "…");
    assertThat(entry.details()).isEqualTo("{\"a\":\"\uFFFD\"}");
    assertThat(AuditEntry.storable("😀".repeat(40), 32)).as("counted in code points, as PostgreSQL does")
        .isEqualTo("😀".repeat(31) + "…");
  }

  private static AuditEntry entry(String kind) {
    return new AuditEntry("demo", Instant.now(), Category.OPERATION, kind, "system", null, null, null, null, null,
        null, false, null, null, null, null);
  }

  /** Stores in memory and refuses, like PostgreSQL a value too long for its column, any batch with the refused kind. */
  private static final class RefusingStore extends AuditChainStore {

    static final String REFUSED = "refused";
    final List<AuditEntry> written = new CopyOnWriteArrayList<>();

    RefusingStore() {
      super(null, null, null, null);
    }

    @Override
    void append(String tenantId, List<AuditEntry> entries) {
      if (entries.stream().anyMatch(entry -> entry.kind().equals(REFUSED))) {
        throw new DataIntegrityViolationException("value too long for type character varying(32)");
      }
      written.addAll(entries);
    }
  }

  private static final class PassThroughResolver extends AuditEntryResolver {

    PassThroughResolver() {
      super(null, null);
    }

    @Override
    List<AuditEntry> resolve(List<AuditEntry> entries) {
      return entries;
    }
  }
}
