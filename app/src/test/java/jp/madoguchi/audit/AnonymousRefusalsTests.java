package jp.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

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

  /**
   * The app's own minute may end during a test's requests (its timer runs since the start), so the
   * tests check what holds either way: every refusal is logged or counted, never both, never neither,
   * and at most 20 per address and minute are logged (so at most 40 over two minutes). A request's
   * entry is made after its answer has gone out, so the tests wait until every refusal is accounted for.
   */
  @Test
  void shouldLogTheFirstTwentyRefusalsOfAnAddressInAMinuteAndCountTheRest() throws Exception {
    for (int i = 0; i < 60; i++) {
      assertThat(http.basic("GET", "/engine-rest/task", null, null, null, "X-Forwarded-For", FLOODER).statusCode())
          .isEqualTo(401);
    }
    for (int i = 0; i < 3; i++) {
      http.basic("GET", "/engine-rest/task", null, null, null, "X-Forwarded-For", PROBER);
    }
    awaitAccountedFor(FLOODER, 60);
    awaitAccountedFor(PROBER, 3);
    anonymousRefusals.endMinute();
    auditLog.flush(Duration.ofSeconds(10));

    assertThat(entries(FLOODER, "access")).isBetween(20L, 40L);
    assertThat(entries(FLOODER, "access") + counted(FLOODER)).as("logged or counted").isEqualTo(60);
    assertThat(jdbc.queryForObject("SELECT details FROM audit_entry WHERE source_address = ? AND kind = ? LIMIT 1",
        String.class, FLOODER, AnonymousRefusals.KIND)).matches("\\{\"count\":\"\\d+\",\"since\":\"[^\"]+\"}");
    assertThat(entries(PROBER, "access")).as("another address keeps its own share").isEqualTo(3);
    assertThat(entries(PROBER, AnonymousRefusals.KIND)).isZero();
  }

  @Test
  void shouldNotLetAClientEscapeTheLimitByNamingOtherMunicipalities() throws Exception {
    String address = "198.51.100.204";
    for (int i = 0; i < 60; i++) {
      int status = http.basic("GET", "/api/no-such-town-" + i + "/applications", null, null, null,
          "X-Forwarded-For", address).statusCode();
      assertThat(status).isBetween(400, 499);
    }
    awaitAccountedFor(address, 60);
    anonymousRefusals.endMinute();
    auditLog.flush(Duration.ofSeconds(10));

    assertThat(entries(address, "access")).isBetween(20L, 40L);
    assertThat(entries(address, "access") + counted(address)).isEqualTo(60);
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
  void shouldWriteTheCountIntoTheLogOfTheMunicipalityTheRefusalsNamedAndOtherAddressesIntoTheDeployments()
      throws Exception {
    String address = "198.51.100.205";
    for (int i = 0; i < 30; i++) {
      http.basic("GET", "/api/demo/applications", null, null, null, "X-Forwarded-For", address);
    }
    awaitAccountedFor(address, 30);
    AnonymousRefusals crowded = new AnonymousRefusals(auditLog, clock);
    for (int i = 0; i <= 1_000; i++) {
      crowded.admit(DEMO, "203.0.113." + i);
    }
    anonymousRefusals.endMinute();
    crowded.endMinute();
    auditLog.flush(Duration.ofSeconds(10));

    assertThat(jdbc.queryForList("SELECT DISTINCT tenant_id FROM audit_entry WHERE source_address = ? AND kind = ?",
        String.class, address, AnonymousRefusals.KIND)).containsExactly(DEMO);
    assertThat(jdbc.queryForList("SELECT tenant_id FROM audit_entry WHERE source_address = '*' AND kind = ? "
        + "AND details LIKE '{\"count\":\"1\",%'", String.class, AnonymousRefusals.KIND)).contains("");
  }

  @Test
  void shouldNeverHoldBackEntriesOfPeopleWhoSignedIn() throws Exception {
    for (int i = 0; i < 30; i++) {
      http.basic("GET", "/engine-rest/process-instance/no-such-instance", "demo-clerk", DEMO_CLERK_PASSWORD, null,
          "X-Forwarded-For", "198.51.100.203");
    }
    long logged = 0;
    for (long deadline = System.nanoTime() + 10_000_000_000L; logged < 30 && System.nanoTime() < deadline; ) {
      auditLog.flush(Duration.ofSeconds(10));
      logged = jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE source_address = ? AND actor = ?",
          Long.class, "198.51.100.203", "demo-clerk");
    }

    assertThat(logged).isEqualTo(30);
  }

  /** Waits (at most 10 s) until the refusals from the address are each logged or counted. */
  private void awaitAccountedFor(String address, long refusals) throws InterruptedException {
    for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(50)) {
      auditLog.flush(Duration.ofSeconds(10));
      if (entries(address, "access") + counted(address) + anonymousRefusals.countedSoFar(address) >= refusals) {
        return;
      }
    }
  }

  private long counted(String address) {
    return jdbc.queryForObject("SELECT coalesce(sum((details::json ->> 'count')::bigint), 0) FROM audit_entry "
        + "WHERE source_address = ? AND kind = ?", Long.class, address, AnonymousRefusals.KIND);
  }

  private long entries(String address, String kind) {
    return jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE source_address = ? AND kind = ?", Long.class,
        address, kind);
  }
}
