package jp.madoguchi.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Login throttling on every sign-in path: a temporary lock per account name and per address that
 * grows with further failures and ends by itself. Before, the 10th failure locked an account for
 * good (Camunda's loginMaxAttempts), so anybody could shut out every clerk:
 * {@link #shouldLetTheRightPasswordInAgainAfterTheLockEvenAfterTenFailures} fails on that code.
 */
class LoginThrottleTests extends IntegrationTest {

  private static final String PASSWORD = "Shiken-Yotei-2026!";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired ObjectMapper json;
  private StaffHttp http;

  @BeforeEach
  void client() {
    http = new StaffHttp(port);
  }

  private void clerk(String id) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createTenantUserMembership(DEMO, id);
      identity.createMembership(id, "waste-section");
    }
  }

  /** Failures from different addresses, so that only the account counts them. */
  private void fail(String account, int times, String prefix) throws Exception {
    for (int i = 0; i < times; i++) {
      assertThat(http.basic("GET", "/engine-rest/task", account, "Wrong-Guess-" + i, null,
          "X-Forwarded-For", prefix + (i + 1)).statusCode()).isIn(401, 429);
    }
  }

  private void expire(String kind, String subject) {
    jdbc.update("UPDATE login_lock SET locked_until = now() - interval '1 second' WHERE kind = ? AND subject = ?",
        kind, subject);
  }

  @Test
  void shouldLetTheRightPasswordInAgainAfterTheLockEvenAfterTenFailures() throws Exception {
    clerk("throttle-a");
    fail("throttle-a", 5, "198.51.100.");
    HttpResponse<String> locked = http.basic("GET", "/engine-rest/task", "throttle-a", PASSWORD, null);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(locked.body()).get("message").asText()).contains("ログインの失敗が続いたため");
    for (int round = 0; round < 5; round++) {
      expire("ACCOUNT", "throttle-a");
      fail("throttle-a", 1, "198.51.100." + (10 + round) + "");
    }
    expire("ACCOUNT", "throttle-a");
    assertThat(http.basic("GET", "/engine-rest/task", "throttle-a", PASSWORD, null).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM login_lock WHERE kind = 'ACCOUNT' AND subject = 'throttle-a'",
        Long.class)).as("a sign-in forgets the failures").isZero();
  }

  @Test
  void shouldGrowTheLockWithEveryFurtherFailure() throws Exception {
    clerk("throttle-b");
    fail("throttle-b", 5, "198.51.101.");
    Duration first = lockLength("throttle-b");
    expire("ACCOUNT", "throttle-b");
    fail("throttle-b", 1, "198.51.101.20");
    Duration second = lockLength("throttle-b");
    expire("ACCOUNT", "throttle-b");
    fail("throttle-b", 1, "198.51.101.30");
    assertThat(first).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(65));
    assertThat(second).isBetween(Duration.ofSeconds(115), Duration.ofSeconds(125));
    assertThat(lockLength("throttle-b")).isBetween(Duration.ofSeconds(235), Duration.ofSeconds(245));
  }

  private Duration lockLength(String account) {
    var row = jdbc.queryForMap("SELECT last_failure, locked_until FROM login_lock WHERE kind = 'ACCOUNT' AND subject = ?",
        account);
    return Duration.between(((Timestamp) row.get("last_failure")).toInstant(),
        ((Timestamp) row.get("locked_until")).toInstant());
  }

  @Test
  void shouldNotLetAnOutsiderShutAnAccountOutOfTheNetworkItSignsInFrom() throws Exception {
    clerk("throttle-g");
    String townHall = "127.0.0.7";
    assertThat(http.basic("GET", "/engine-rest/task", "throttle-g", PASSWORD, null, "X-Forwarded-For", townHall)
        .statusCode()).isEqualTo(200);
    fail("throttle-g", 12, "203.0.113.");

    assertThat(http.basic("GET", "/engine-rest/task", "throttle-g", PASSWORD, null, "X-Forwarded-For", "127.0.0.99")
        .statusCode()).as("locked for everybody else, even with the right password").isEqualTo(429);
    assertThat(http.basic("GET", "/engine-rest/task", "throttle-g", PASSWORD, null, "X-Forwarded-For", townHall)
        .statusCode()).as("its person at the town hall").isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM login_lock WHERE kind = 'ACCOUNT' AND subject = 'throttle-g'",
        Long.class)).as("their sign-in forgets the failures").isZero();
  }

  @Test
  void shouldKeyAKnownNetworkByTheIpv4AddressOrTheIpv6Slash64() {
    assertThat(KnownNetworks.network("192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(KnownNetworks.network("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(KnownNetworks.network("2001:db8:1:2:aaaa::1")).isEqualTo(KnownNetworks.network("2001:0db8:1:2::9"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(KnownNetworks.network("2001:db8:1:3::1")).isNotEqualTo(KnownNetworks.network("2001:db8:1:2::1"));
    assertThat(KnownNetworks.network("town-hall.example")).as("no DNS lookup").isEqualTo("town-hall.example");
  }

  @Test
  void shouldNotWriteDownANameNoAccountCanHaveSuchAsAPasswordTypedIntoIt() throws Exception {
    String typedPassword = "Himitsu-Pass-2026!";
    String address = "198.51.103.9";
    assertThat(http.basic("GET", "/engine-rest/task", typedPassword, "demo-clerk", null, "X-Forwarded-For", address)
        .statusCode()).isEqualTo(401);
    assertThat(http.browser(address).login(typedPassword, "demo-clerk").statusCode()).isEqualTo(401);

    assertThat(jdbc.queryForObject("SELECT count(*) FROM login_lock WHERE subject = ?", Long.class, typedPassword))
        .as("what was typed as the name is not kept").isZero();
    assertThat(jdbc.queryForObject("SELECT failures FROM login_lock WHERE kind = 'ADDRESS' AND subject = ?",
        Integer.class, address)).as("the address counts both failures").isEqualTo(2);
  }

  /** A NUL in the name reached PostgreSQL, which cannot take one in text: every path answered 500. */
  @Test
  void shouldAnswerANameWithAControlCharacterAsAWrongSignIn() throws Exception {
    for (String name : new String[] {"demo-clerk\u0000", "a\u0000b", "demo\u0007clerk"}) {
      for (String path : new String[] {"/engine-rest/task", "/api/demo/admin/staff", "/api/operator/tenants"}) {
        HttpResponse<String> answer = http.basic("GET", path, name, DEMO_CLERK_PASSWORD, null,
            "X-Forwarded-For", "198.51.100.77");
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isIn(401, 429);
      }
      assertThat(http.browser(null).login(name, DEMO_CLERK_PASSWORD).statusCode()).isIn(400, 401, 429);
      HttpResponse<String> change = http.basic("POST", "/staff/password", null, null, json.writeValueAsString(
          java.util.Map.of("userId", name, "currentPassword", DEMO_CLERK_PASSWORD, "newPassword", "Atarashii-2026-Pass!")));
      assertThat(change.statusCode()).as(change.body()).isIn(400, 401, 429);
    }
  }

  @Test
  void shouldLockAnAddressThatGuessesManyAccounts() throws Exception {
    String attacker = "192.0.2.200";
    guessManyAccountsFrom(attacker);
    assertThat(http.basic("GET", "/engine-rest/task", "kita-clerk", KITA_CLERK_PASSWORD, null,
        "X-Forwarded-For", "192.0.2.201").statusCode()).as("the account is not").isEqualTo(200);
    HttpResponse<String> locks = http.basic("GET", "/api/operator/login-locks", "test-operator", "Operator-Pass-2026!", null);
    assertThat(locks.body()).contains(attacker);
    assertThat(http.basic("DELETE", "/api/operator/login-locks/addresses/" + attacker, "test-operator",
        "Operator-Pass-2026!", null).statusCode()).isEqualTo(204);
    assertThat(http.basic("GET", "/engine-rest/task", "kita-clerk", KITA_CLERK_PASSWORD, null,
        "X-Forwarded-For", attacker).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldLiftAnAddressLockHoweverTheOperatorWritesTheAddress() throws Exception {
    String attacker = "2001:db8:0:0:0:0:0:66";
    guessManyAccountsFrom(attacker);

    HttpResponse<String> notAnAddress = http.basic("DELETE", "/api/operator/login-locks/addresses/kita-office",
        "test-operator", "Operator-Pass-2026!", null);
    assertThat(notAnAddress.statusCode()).isEqualTo(400);
    assertThat(notAnAddress.body()).contains("IP アドレス");
    assertThat(http.basic("DELETE", "/api/operator/login-locks/addresses/192.0.2.99", "test-operator",
        "Operator-Pass-2026!", null).statusCode()).as("nothing recorded for it: said, not 204").isEqualTo(404);
    // the short spelling of the locked address: before, 204 and the lock stayed
    assertThat(http.basic("DELETE", "/api/operator/login-locks/addresses/2001:db8::66", "test-operator",
        "Operator-Pass-2026!", null).statusCode()).isEqualTo(204);
    assertThat(http.basic("GET", "/engine-rest/task", "kita-clerk", KITA_CLERK_PASSWORD, null,
        "X-Forwarded-For", attacker).statusCode()).as("not locked (kita's allow-list then refuses it: 403)")
        .isNotEqualTo(429);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM login_lock WHERE kind = 'ADDRESS' AND subject = ?", Long.class,
        attacker)).isZero();
    long logged = 0;
    for (int attempt = 0; attempt < 100 && logged == 0; attempt++) {
      Thread.sleep(100); // the log's queue writes shortly after
      logged = jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE tenant_id = '' AND category = 'OPERATION' "
          + "AND kind = 'login-lock.address-lifted' AND actor = 'test-operator' AND target = '2001:db8::66'", Long.class);
    }
    assertThat(logged).as("in the operators' log").isOne();
  }

  private void guessManyAccountsFrom(String attacker) throws Exception {
    for (int i = 0; i < 30; i++) {
      // distinct account names (no ':', which would end the name in HTTP Basic)
      http.basic("GET", "/engine-rest/task", "guess-" + attacker.replace(':', '-') + "-" + i, "Password-" + i, null,
          "X-Forwarded-For", attacker);
    }
    assertThat(http.basic("GET", "/engine-rest/task", "kita-clerk", KITA_CLERK_PASSWORD, null,
        "X-Forwarded-For", attacker).statusCode()).as("this address is locked").isEqualTo(429);
  }

  @Test
  void shouldThrottleTheWebappLoginAndTheStaffApiToo() throws Exception {
    clerk("throttle-c");
    for (int i = 0; i < 5; i++) {
      assertThat(http.browser("198.51.102." + (i + 1)).login("throttle-c", "Wrong-Guess-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> webapp = http.browser(null).login("throttle-c", PASSWORD);
    assertThat(webapp.statusCode()).isEqualTo(429);
    assertThat(json.readTree(webapp.body()).get("message").asText()).contains("ログインの失敗が続いたため");
    assertThat(http.basic("GET", "/api/demo/admin/attachments/00000000-0000-0000-0000-000000000000", "throttle-c",
        PASSWORD, null).statusCode()).isEqualTo(429);
    expire("ACCOUNT", "throttle-c");
    assertThat(http.browser(null).login("throttle-c", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldCountTheAccountWhosePasswordIsCheckedNotADecoyInTheUrl() throws Exception {
    clerk("throttle-d");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> decoy = http.browser("198.51.103." + (i + 1))
          .login("throttle-d", "Wrong-Guess-" + i, "?username=decoy" + i);
      assertThat(decoy.statusCode()).isEqualTo(400);
      assertThat(json.readTree(decoy.body()).get("message").asText()).contains("フォームの本文");
    }
    assertThat(http.browser(null).login("throttle-d", PASSWORD, "?user%6eame=decoy").statusCode()).isEqualTo(400);
    assertThat(http.browser(null).login("throttle-d", PASSWORD, "?password=x").statusCode()).isEqualTo(400);
    for (int i = 0; i < 5; i++) {
      assertThat(http.browser("198.51.104." + (i + 1)).login("throttle-d", "Wrong-Guess-" + i).statusCode()).isEqualTo(401);
    }
    assertThat(http.browser(null).login("throttle-d", PASSWORD).statusCode()).isEqualTo(429);
  }

  @Test
  void shouldCheckNoPasswordOnAStaffPathWithPercentEncodedLetters() throws Exception {
    clerk("throttle-e");
    // %61 is "a": the router reads /api/demo/admin/console, and the throttle used to see no sign-in there
    for (String path : List.of("/api/demo/%61dmin/console", "/%65ngine-rest/task", "/api/%6Fperator/tenants")) {
      for (String password : List.of("Wrong-Guess", PASSWORD)) {
        HttpResponse<String> encoded = http.basic("GET", path, "throttle-e", password, null);
        assertThat(encoded.statusCode()).as(path).isEqualTo(400);
        assertThat(json.readTree(encoded.body()).get("message").asText()).contains("%xx");
      }
    }
    assertThat(http.basic("GET", "/api/demo/admin/console", "throttle-e", PASSWORD, null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldNotForgetFailuresForAnAnswerThatCheckedNoPassword() throws Exception {
    clerk("throttle-f");
    fail("throttle-f", 4, "198.51.106.");
    // refused by the firewall before any password is checked: no sign-in, so the failures stay
    assertThat(http.basic("GET", "/engine-rest/task;a", "throttle-f", "Wrong-Guess-x", null).statusCode())
        .isEqualTo(400);
    fail("throttle-f", 1, "198.51.106.50");
    assertThat(http.basic("GET", "/engine-rest/task", "throttle-f", PASSWORD, null).statusCode()).isEqualTo(429);
  }

  @Test
  void shouldRefuseThePasswordOracleOfTheEngineApi() throws Exception {
    assertThat(http.basic("POST", "/engine-rest/identity/verify", "demo-clerk", DEMO_CLERK_PASSWORD,
        "{\"username\":\"demo-admin\",\"password\":\"guess\"}").statusCode()).isEqualTo(403);
  }
}
