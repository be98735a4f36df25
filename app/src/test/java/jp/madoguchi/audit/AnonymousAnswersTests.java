package jp.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Anonymous requests that were answered and showed no personal data are counted, not entered one
 * by one. Fails on the code before: 2,000 anonymous reads of {@code /liff-config} wrote 2,000
 * hash-chained entries in 4.8 s.
 */
class AnonymousAnswersTests extends IntegrationTest {

  private static final String READER = "198.51.100.221";

  @LocalServerPort int port;
  @Autowired AuditLog auditLog;
  @Autowired AnonymousAnswers anonymousAnswers;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  private StaffHttp http;
  private long before;

  @BeforeEach
  void client() {
    http = new StaffHttp(port);
    anonymousAnswers.endMinute();
    auditLog.flush(Duration.ofSeconds(10));
    before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
  }

  @Test
  void shouldCountAnonymousCatalogueReadsPerRouteInsteadOfEnteringEachOne() throws Exception {
    for (int i = 0; i < 60; i++) {
      assertThat(http.basic("GET", "/api/demo/liff-config", null, null, null, "X-Forwarded-For", READER).statusCode())
          .isEqualTo(200);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(http.basic("GET", "/api/demo/procedures", null, null, null, "X-Forwarded-For", READER).statusCode())
          .isEqualTo(200);
    }
    awaitCounted(63);
    anonymousAnswers.endMinute();
    auditLog.flush(Duration.ofSeconds(10));

    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE id > ? AND source_address = ?", Long.class,
        before, READER)).as("entries of their own").isZero();
    assertThat(counted("/api/{tenant}/liff-config")).isEqualTo(60);
    assertThat(counted("/api/{tenant}/procedures")).isEqualTo(3);
    Map<String, Object> entry = jdbc.queryForMap("SELECT tenant_id, method, status, details FROM audit_entry "
        + "WHERE id > ? AND kind = ? AND route = '/api/{tenant}/liff-config' LIMIT 1", before, AnonymousAnswers.KIND);
    assertThat(entry).containsEntry("tenant_id", DEMO).containsEntry("method", "GET").containsEntry("status", 200);
    assertThat((String) entry.get("details")).matches("\\{\"count\":\"\\d+\",\"since\":\"[^\"]+\"}");
  }

  @Test
  void shouldCountFurtherRoutesTogetherInTheDeploymentsLog() {
    AnonymousAnswers crowded = new AnonymousAnswers(auditLog, clock);
    for (int i = 0; i < 1_000; i++) {
      crowded.count(DEMO, "GET", "/route-" + i, 200);
    }
    crowded.count(DEMO, "GET", "/route-1000", 200);
    crowded.count(DEMO, "GET", "/route-1001", 200);
    crowded.count(DEMO, "GET", "/route-5", 200);
    crowded.endMinute();
    auditLog.flush(Duration.ofSeconds(10));

    assertThat(jdbc.queryForObject("SELECT details FROM audit_entry WHERE id > ? AND kind = ? AND route = '*' "
        + "AND tenant_id = ''", String.class, before, AnonymousAnswers.KIND)).startsWith("{\"count\":\"2\",");
    assertThat(jdbc.queryForObject("SELECT details FROM audit_entry WHERE id > ? AND kind = ? AND route = '/route-5'",
        String.class, before, AnonymousAnswers.KIND)).startsWith("{\"count\":\"2\",");
  }

  /** Waits (at most 10 s) until the requests are counted: a request is counted after its answer has gone out. */
  private void awaitCounted(long requests) throws InterruptedException {
    for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(50)) {
      anonymousAnswers.endMinute();
      auditLog.flush(Duration.ofSeconds(10));
      if (counted("/api/{tenant}/liff-config") + counted("/api/{tenant}/procedures") >= requests) {
        return;
      }
    }
  }

  private long counted(String route) {
    return jdbc.queryForObject("SELECT coalesce(sum((details::json ->> 'count')::bigint), 0) FROM audit_entry "
        + "WHERE id > ? AND kind = ? AND route = ? AND tenant_id = ?", Long.class, before, AnonymousAnswers.KIND, route,
        DEMO);
  }
}
