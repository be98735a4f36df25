package jp.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.StaffHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A request whose values do not fit the log's columns is logged with them shortened, and the entries
 * after it are written. Before, one resident asking for an application number of 40 digits made the
 * writer try the same batch again every second for ever: no entry of any municipality was written
 * after it, and once the queue was full they were lost.
 */
class AuditEntryLimitsTests extends IntegrationTest {

  private static final String ADDRESS = "127.0.0.230";

  @LocalServerPort int port;
  @Autowired AuditLog auditLog;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldLogOverlongValuesShortenedAndKeepWritingAfterThem() throws Exception {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    StaffHttp http = new StaffHttp(port);
    String resident = LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, LineIdTokens.newUserId());

    assertThat(http.basic("GET", "/api/demo/applications/" + "9".repeat(40), null, null, null,
        "Authorization", "Bearer " + resident, "X-Forwarded-For", ADDRESS).statusCode()).isEqualTo(404);
    http.basic("GETTHEWHOLELISTOFSTAFF", "/api/demo/admin/staff", "demo-admin", DEMO_ADMIN_PASSWORD, null,
        "X-Forwarded-For", ADDRESS);
    http.basic("GET", "/api/demo/admin/staff", "名".repeat(300), "wrong", null, "X-Forwarded-For", ADDRESS);
    assertThat(http.basic("GET", "/api/demo/admin/staff", "demo-admin", DEMO_ADMIN_PASSWORD, null,
        "X-Forwarded-For", ADDRESS).statusCode()).isEqualTo(200);

    List<Map<String, Object>> entries = List.of();
    for (long deadline = System.nanoTime() + 15_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
      auditLog.flush(Duration.ofSeconds(5));
      entries = jdbc.queryForList("SELECT method, actor, application_number, status FROM audit_entry "
          + "WHERE source_address = ? ORDER BY seq", ADDRESS);
      if (entries.stream().anyMatch(entry -> "GET".equals(entry.get("method")) && "demo-admin".equals(entry.get("actor"))
          && Integer.valueOf(200).equals(entry.get("status")))) {
        break;
      }
    }

    assertThat(entries).as("the last request's entry was written").anySatisfy(entry -> {
      assertThat(entry.get("actor")).isEqualTo("demo-admin");
      assertThat(entry.get("status")).isEqualTo(200);
    });
    assertThat(entries).anySatisfy(entry -> assertThat((String) entry.get("application_number"))
        .startsWith("9999").hasSizeLessThanOrEqualTo(32).endsWith("…"));
    assertThat(entries).anySatisfy(entry -> assertThat((String) entry.get("method"))
        .startsWith("GETTHEWHOLE").hasSizeLessThanOrEqualTo(16));
  }
}
