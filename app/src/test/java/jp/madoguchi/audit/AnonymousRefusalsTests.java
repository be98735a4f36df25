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
 * Refusals of requests that name nobody cannot fill the audit log. Fails on the code before: every
 * unauthenticated request got an entry of its own (one client: 44,188 entries, 14 MB, in 15 s).
 */
class AnonymousRefusalsTests extends IntegrationTest {

  private static final String FLOODER = "198.51.100.201";
  private static final String PROBER = "198.51.100.202";

  @LocalServerPort int port;
  @Autowired AuditLog auditLog;
  @Autowired AnonymousRefusals anonymousRefusals;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  private StaffHttp http;

  @BeforeEach
  void client() {
    http = new StaffHttp(port);
    anonymousRefusals.endMinute();
  }

  @Test
  void shouldLogTheFirstTwentyRefusalsOfAnAddressInAMinuteAndCountTheRest() throws Exception {
    for (int i = 0; i < 50; i++) {
      assertThat(http.basic("GET", "/engine-rest/task", null, null, null, "X-Forwarded-For", FLOODER).statusCode())
          .isEqualTo(401);
    }
    for (int i = 0; i < 3; i++) {
      http.basic("GET", "/engine-rest/task", null, null, null, "X-Forwarded-For", PROBER);
    }
    auditLog.flush(Duration.ofSeconds(10));

    assertThat(entries(FLOODER, "access")).isEqualTo(20);
    assertThat(entries(PROBER, "access")).as("another address keeps its own share").isEqualTo(3);

    anonymousRefusals.endMinute();
    auditLog.flush(Duration.ofSeconds(10));

    assertThat(entries(FLOODER, AnonymousRefusals.KIND)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT details FROM audit_entry WHERE source_address = ? AND kind = ?",
        String.class, FLOODER, AnonymousRefusals.KIND)).startsWith("{\"count\":\"30\",\"since\":");
    assertThat(entries(PROBER, AnonymousRefusals.KIND)).isZero();
  }

  @Test
  void shouldCountAddressesBeyondTheFollowedOnesTogether() {
    AnonymousRefusals refusals = new AnonymousRefusals(auditLog, clock);
    for (int i = 0; i < 1_000; i++) {
      assertThat(refusals.admit("", "203.0.113." + i)).isTrue();
    }

    assertThat(refusals.admit("", "192.0.2.1")).as("address 1,001").isFalse();
    assertThat(refusals.admit("", "192.0.2.2")).isFalse();
    assertThat(refusals.admit("", "203.0.113.5")).as("a followed address keeps its share").isTrue();
  }

  @Test
  void shouldNeverHoldBackEntriesOfPeopleWhoSignedIn() throws Exception {
    for (int i = 0; i < 30; i++) {
      http.basic("GET", "/engine-rest/process-instance/no-such-instance", "demo-clerk", DEMO_CLERK_PASSWORD, null,
          "X-Forwarded-For", "198.51.100.203");
    }
    auditLog.flush(Duration.ofSeconds(10));

    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE source_address = ? AND actor = ?",
        Long.class, "198.51.100.203", "demo-clerk")).isEqualTo(30);
  }

  private long entries(String address, String kind) {
    Map<String, Object> row = jdbc.queryForMap("SELECT count(*) AS n FROM audit_entry WHERE source_address = ? AND kind = ?",
        address, kind);
    return (Long) row.get("n");
  }
}
