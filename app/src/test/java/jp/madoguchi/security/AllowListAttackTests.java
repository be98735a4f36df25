package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineWebhooks;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.gate.AllowLists;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff IP allow-list against someone outside it: kita's staff may work only from
 * 192.0.2.0/24. Every staff surface refuses them from elsewhere, whether they come directly or
 * through the trusted proxy, whatever they write into X-Forwarded-For; residents' and LINE's
 * surfaces are never restricted. (All of these answered 200 before the gate existed.)
 */
class AllowListAttackTests extends IntegrationTest {

  private static final String KITA_ADMIN_PASSWORD = "Hokubu-Admin-2026!";
  private static final String INSIDE = "192.0.2.10";
  private static final String OUTSIDE = "203.0.113.9";

  @LocalServerPort int port;
  @Autowired AllowLists allowLists;
  @Autowired ObjectMapper json;
  private StaffHttp http;
  private List<String> seeded;

  @BeforeEach
  void onlyTheTownHall() {
    http = new StaffHttp(port);
    seeded = allowLists.cidrs(KITA);
    allowLists.replace(KITA, List.of("192.0.2.0/24"));
  }

  @AfterEach
  void restore() {
    allowLists.replace(KITA, seeded);
  }

  @Test
  void shouldRefuseEngineRestFromAnAddressOutsideTheListDirectly() throws Exception {
    HttpResponse<String> direct = http.basic("GET", "/engine-rest/task", "kita-clerk", KITA_CLERK_PASSWORD, null);
    assertThat(direct.statusCode()).isEqualTo(403);
    assertThat(json.readTree(direct.body()).get("message").asText()).contains("IP アドレス").contains("127.0.0.1");
    assertThat(json.readTree(direct.body()).get("reason").asText()).isEqualTo("address-not-allowed");
  }

  @Test
  void shouldRefuseEveryStaffSurfaceThroughTheTrustedProxyFromOutside() throws Exception {
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/api/kita/admin/notifications",
        "/api/kita/admin/staff", "/api/kita/admin/ip-allow-list", "/api/kita/admin/access-log")) {
      assertThat(http.basic("GET", path, "kita-admin", KITA_ADMIN_PASSWORD, null, "X-Forwarded-For", OUTSIDE)
          .statusCode()).as(path).isEqualTo(403);
    }
  }

  @Test
  void shouldRefuseDisguisedStaffPathsFromOutside() throws Exception {
    // the container and Spring route each of these to the staff API; the gate used to see no staff path in them
    for (String path : List.of("/api/kita/%61dmin/staff", "/api/kita/%61dmin/access-log", "/%65ngine-rest/task",
        "/api/kita/admin;x=1/staff", "//api/kita/admin/staff", "/api/kita//admin/staff")) {
      HttpResponse<String> disguised = http.basic("GET", path, "kita-admin", KITA_ADMIN_PASSWORD, null,
          "X-Forwarded-For", OUTSIDE);
      assertThat(disguised.statusCode()).as(path).isIn(400, 403);
    }
    for (String path : List.of("/api/kita/%61dmin/ip-allow-list", "/api/kita/admin;x=1/ip-allow-list",
        "//api/kita/admin/ip-allow-list")) {
      assertThat(http.basic("PUT", path, "kita-admin", KITA_ADMIN_PASSWORD, "{\"cidrs\":[]}",
          "X-Forwarded-For", OUTSIDE).statusCode()).as(path).isIn(400, 403);
    }
    assertThat(allowLists.cidrs(KITA)).containsExactly("192.0.2.0/24");
  }

  @Test
  void shouldServeStaffInsideTheListThroughTheTrustedProxy() throws Exception {
    assertThat(http.basic("GET", "/engine-rest/task", "kita-clerk", KITA_CLERK_PASSWORD, null,
        "X-Forwarded-For", INSIDE).statusCode()).isEqualTo(200);
    HttpResponse<String> list = http.basic("GET", "/api/kita/admin/ip-allow-list", "kita-admin", KITA_ADMIN_PASSWORD,
        null, "X-Forwarded-For", INSIDE);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(json.readTree(list.body()).get("yourAddress").asText()).isEqualTo(INSIDE);
  }

  @Test
  void shouldNotBelieveAnAllowedAddressWrittenBeforeTheRealOne() throws Exception {
    // the proxy appends the real client; an attacker can only prepend: the rightmost untrusted address counts
    assertThat(http.basic("GET", "/engine-rest/task", "kita-clerk", KITA_CLERK_PASSWORD, null,
        "X-Forwarded-For", INSIDE + ", " + OUTSIDE).statusCode()).isEqualTo(403);
    assertThat(http.basic("GET", "/engine-rest/task", "kita-clerk", KITA_CLERK_PASSWORD, null,
        "X-Forwarded-For", "not-an-address").statusCode()).isEqualTo(403);
  }

  @Test
  void shouldRefuseTheTasklistLoginAndAnExistingSessionFromOutside() throws Exception {
    StaffHttp.Browser outside = http.browser(OUTSIDE);
    HttpResponse<String> refused = outside.login("kita-clerk", KITA_CLERK_PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json.readTree(refused.body()).get("message").asText()).contains("IP アドレス");
    assertThat(outside.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);

    StaffHttp.Browser inside = http.browser(INSIDE);
    assertThat(inside.login("kita-clerk", KITA_CLERK_PASSWORD).statusCode()).isEqualTo(200);
    assertThat(inside.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(200);
    // the same session cookie, now from outside (a stolen cookie, or a laptop taken home)
    assertThat(inside.get("/camunda/api/engine/engine/default/task", OUTSIDE).statusCode()).isEqualTo(403);
    assertThat(inside.get("/camunda/app/tasklist/default/", OUTSIDE).statusCode()).isEqualTo(403);
  }

  @Test
  void shouldLeaveResidentsLineAndVerificationUnrestricted() throws Exception {
    assertThat(http.basic("GET", "/api/kita/procedures", null, null, null, "X-Forwarded-For", OUTSIDE).statusCode())
        .isEqualTo(200);
    assertThat(http.basic("GET", "/liff/kita/", null, null, null, "X-Forwarded-For", OUTSIDE).statusCode())
        .isEqualTo(200);
    String body = "{\"destination\":\"U0\",\"events\":[]}";
    assertThat(http.basic("POST", "/line/kita/webhook", null, null, body, "X-Forwarded-For", OUTSIDE,
        "x-line-signature", LineWebhooks.sign(LineWebhooks.KITA_SECRET, body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldApplyEachTenantsOwnList() throws Exception {
    assertThat(http.basic("GET", "/engine-rest/task", "demo-clerk", DEMO_CLERK_PASSWORD, null).statusCode())
        .as("demo's list has loopback").isEqualTo(200);
    assertThat(http.basic("GET", "/engine-rest/task", "demo-clerk", DEMO_CLERK_PASSWORD, null,
        "X-Forwarded-For", OUTSIDE).statusCode()).as("but not 203.0.113.9").isEqualTo(403);
  }
}
