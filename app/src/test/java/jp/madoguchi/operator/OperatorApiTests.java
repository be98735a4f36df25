package jp.madoguchi.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.AtOnce;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineWebhooks;
import jp.madoguchi.StaffHttp;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The operators' API: municipalities and their status, operators' own accounts; nobody else may use it. */
class OperatorApiTests extends IntegrationTest {

  private static final String OPERATOR = "test-operator";
  private static final String OPERATOR_PASSWORD = "Operator-Pass-2026!";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  private StaffHttp http;

  @BeforeEach
  void client() {
    http = new StaffHttp(port);
  }

  private HttpResponse<String> operator(String method, String path, String body) throws Exception {
    return http.basic(method, path, OPERATOR, OPERATOR_PASSWORD, body);
  }

  @Test
  void shouldBeForOperatorsOnly() throws Exception {
    assertThat(operator("GET", "/api/operator/tenants", null).statusCode()).isEqualTo(200);
    assertThat(http.basic("GET", "/api/operator/tenants", "demo-admin", DEMO_ADMIN_PASSWORD, null).statusCode())
        .as("tenant admin").isEqualTo(403);
    assertThat(http.basic("GET", "/api/operator/tenants", "demo-clerk", DEMO_CLERK_PASSWORD, null).statusCode())
        .as("clerk").isEqualTo(403);
    assertThat(http.basic("GET", "/api/operator/tenants", "demo-chief", "Madoguchi-Chief-2026!", null).statusCode())
        .as("chief").isEqualTo(403);
    assertThat(http.basic("PATCH", "/api/operator/tenants/demo", "kita-admin", "Hokubu-Admin-2026!",
        "{\"status\":\"SUSPENDED\"}").statusCode()).as("another tenant's admin").isEqualTo(403);
    assertThat(http.basic("GET", "/api/operator/tenants", null, null, null).statusCode()).isEqualTo(401);
    assertThat(http.basic("POST", "/api/operator/operators", OPERATOR, OPERATOR_PASSWORD,
        "{\"id\":\"x-op\",\"password\":\"Operator-New-2026!\"}", "Origin", "https://evil.example").statusCode())
        .as("cross-site").isEqualTo(403);
    assertThat(identity.createUserQuery().userId("x-op").count()).isZero();
  }

  /** Least privilege: an operator reads their own account, not the staff of every municipality. */
  @Test
  void shouldReadTheirOwnAccountAndNoMunicipalitysStaff() throws Exception {
    HttpResponse<String> users = operator("GET", "/engine-rest/user", null);
    assertThat(users.statusCode()).isEqualTo(200);
    assertThat(json.readTree(users.body()).findValuesAsText("id")).containsExactly(OPERATOR);
    assertThat(json.readTree(operator("GET", "/engine-rest/user/count", null).body()).get("count").asInt()).isEqualTo(1);
    for (String query : List.of("/engine-rest/user?memberOfTenant=demo", "/engine-rest/user?memberOfGroup=waste-section",
        "/engine-rest/user?id=kita-clerk")) {
      assertThat(operator("GET", query, null).body()).as(query).isEqualTo("[]");
    }
    HttpResponse<String> profile = operator("GET", "/engine-rest/user/demo-clerk/profile", null);
    assertThat(profile.statusCode()).isEqualTo(404);
    assertThat(profile.body()).doesNotContain("Demo", "@");
  }

  @Test
  void shouldCreateATenantWhoseFirstAdminMustChangeThePassword() throws Exception {
    HttpResponse<String> created = operator("POST", "/api/operator/tenants", """
        {"slug": "minami", "name": "南町", "staffAllowedCidrs": ["192.0.2.0/24"],
         "admin": {"id": "minami-admin", "password": "Minami-Kanri-2026!"}}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json.readTree(created.body()).get("status").asText()).isEqualTo("ACTIVE");
    HttpResponse<String> again = operator("POST", "/api/operator/tenants", """
        {"slug": "minami", "name": "南町", "admin": {"id": "minami-admin2", "password": "Minami-Kanri-2026!"}}""");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("自治体「minami」はすでにあります");
    HttpResponse<String> bad = operator("POST", "/api/operator/tenants", """
        {"slug": "Bad Slug", "name": "", "staffAllowedCidrs": ["10.0.0.0/33"],
         "admin": {"id": "kage-admin", "password": "short"}}""");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("message").asText()).as("each problem in Japanese, English in brackets")
        .contains("識別名（slug）は英小文字・数字・「-」にしてください", "(tenant 'Bad Slug': slug must be lowercase",
            "名称（name）を入れてください", "「10.0.0.0/33」のプレフィックス長は 32 以下にしてください",
            "「kage-admin」のパスワードが条件を満たしていません");
    HttpResponse<String> noSlug = operator("POST", "/api/operator/tenants", """
        {"name": "無名町", "admin": {"id": "mumei-admin", "password": "Minami-Kanri-2026!"}}""");
    assertThat(noSlug.statusCode()).isEqualTo(400);
    assertThat(noSlug.body()).contains("識別名のない自治体: 識別名（slug）は英小文字").doesNotContain("null");
    HttpResponse<String> badRange = operator("PATCH", "/api/operator/tenants/minami", "{\"staffAllowedCidrs\": [\"10.0.0\"]}");
    assertThat(badRange.statusCode()).isEqualTo(400);
    assertThat(badRange.body()).contains("「10.0.0」は CIDR 形式", "is not a CIDR range");
    for (String taken : List.of("operator", "assets")) {
      HttpResponse<String> refused = operator("POST", "/api/operator/tenants", """
          {"slug": "%s", "name": "町", "admin": {"id": "%s-admin", "password": "Minami-Kanri-2026!"}}"""
          .formatted(taken, taken));
      assertThat(refused.statusCode()).as("/api/%s/… and /liff/%s/ are the app's own", taken, taken).isEqualTo(400);
      assertThat(refused.body()).contains("app's own addresses");
    }
    assertThat(operator("GET", "/api/operator/tenants", null).statusCode()).isEqualTo(200);
    HttpResponse<String> first = http.basic("GET", "/api/minami/admin/staff", "minami-admin", "Minami-Kanri-2026!", null,
        "X-Forwarded-For", "192.0.2.5");
    assertThat(first.body()).contains("password-change-required");
    assertThat(identity.createTenantQuery().userMember("minami-admin").singleResult().getId()).isEqualTo("minami");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM seed_applied WHERE tenant_id = 'minami'", Long.class))
        .as("not the seed file's: a seed file naming minami later still applies its entries").isZero();
    List<String> actors = List.of();
    for (int attempt = 0; attempt < 100 && actors.isEmpty(); attempt++) {
      Thread.sleep(100);
      actors = jdbc.queryForList("SELECT actor FROM audit_entry WHERE tenant_id = 'minami' AND kind = 'staff.created'",
          String.class);
    }
    assertThat(actors).as("the operator created the first admin, once").containsExactly(OPERATOR);
  }

  @Test
  void shouldNotMakeAnExistingAccountTheFirstAdminOfANewTenant() throws Exception {
    for (String existing : List.of(OPERATOR, "demo-clerk", "madoguchi-setup-lock")) {
      HttpResponse<String> refused = operator("POST", "/api/operator/tenants", """
          {"slug": "kage", "name": "影町", "admin": {"id": "%s"}}""".formatted(existing));
      assertThat(refused.statusCode()).as(existing).isEqualTo(400);
      assertThat(refused.body()).contains("must be a new account");
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM tenant WHERE id = 'kage'", Long.class)).isZero();
    assertThat(identity.createUserQuery().userId(OPERATOR).memberOfGroup("tenant-admin").count()).isZero();
  }

  @Test
  void shouldRefuseAnEmptyAllowListEntryOfANewTenant() throws Exception {
    HttpResponse<String> refused = operator("POST", "/api/operator/tenants", """
        {"slug": "kara", "name": "空町", "staffAllowedCidrs": [null], "admin": {"id": "kara-admin"}}""");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("空の項目");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM tenant WHERE id = 'kara'", Long.class)).isZero();
  }

  @Test
  void shouldRefuseAnOperatorWhoIsAlsoATenantAdminEverywhere() throws Exception {
    identity.createMembership(OPERATOR, "tenant-admin");
    identity.createTenantUserMembership("demo", OPERATOR);
    try {
      HttpResponse<String> grant = operator("POST", "/api/demo/admin/support-grants",
          "{\"operatorId\":\"" + OPERATOR + "\",\"hours\":72,\"reason\":\"self-granted\"}");
      assertThat(grant.statusCode()).isEqualTo(403);
      assertThat(grant.body()).contains("forbidden-roles");
      assertThat(operator("GET", "/engine-rest/task", null).statusCode()).isEqualTo(403);
      assertThat(operator("GET", "/api/operator/tenants", null).statusCode()).isEqualTo(403);
    } finally {
      identity.deleteTenantUserMembership("demo", OPERATOR);
      identity.deleteMembership(OPERATOR, "tenant-admin");
    }
    assertThat(operator("GET", "/api/operator/tenants", null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseASuspendedTenantsStaffAndResidentsAndAcknowledgeItsWebhooks() throws Exception {
    assertThat(operator("PATCH", "/api/operator/tenants/kita", "{\"status\":\"SUSPENDED\"}").statusCode()).isEqualTo(200);
    try {
      HttpResponse<String> staff = http.basic("GET", "/engine-rest/task", "kita-clerk", KITA_CLERK_PASSWORD, null);
      assertThat(staff.statusCode()).isEqualTo(403);
      assertThat(staff.body()).contains("tenant-suspended");
      assertThat(http.browser(null).login("kita-clerk", KITA_CLERK_PASSWORD).statusCode()).isEqualTo(403);
      HttpResponse<String> resident = http.basic("GET", "/api/kita/procedures", null, null, null);
      assertThat(resident.statusCode()).isEqualTo(403);
      assertThat(resident.body()).contains("停止");
      assertThat(http.basic("GET", "/liff/kita/", null, null, null).statusCode()).isEqualTo(403);
      long before = jdbc.queryForObject("SELECT count(*) FROM line_inbox WHERE tenant_id = 'kita'", Long.class);
      String body = LineWebhooks.body(LineWebhooks.followEvent(LineWebhooks.newEventId(), "U1", "r"));
      assertThat(http.basic("POST", "/line/kita/webhook", null, null, body, "x-line-signature",
          LineWebhooks.sign(LineWebhooks.KITA_SECRET, body.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(200);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM line_inbox WHERE tenant_id = 'kita'", Long.class))
          .as("acknowledged, not stored").isEqualTo(before);
      assertThat(http.basic("GET", "/engine-rest/task", "demo-clerk", DEMO_CLERK_PASSWORD, null).statusCode())
          .as("other tenants go on").isEqualTo(200);
    } finally {
      assertThat(operator("PATCH", "/api/operator/tenants/kita", "{\"status\":\"ACTIVE\"}").statusCode()).isEqualTo(200);
    }
    assertThat(http.basic("GET", "/engine-rest/task", "kita-clerk", KITA_CLERK_PASSWORD, null).statusCode()).isEqualTo(200);
    assertThat(http.basic("GET", "/api/kita/procedures", null, null, null).statusCode()).isEqualTo(200);
    assertThat(operator("PATCH", "/api/operator/tenants/kita", "{\"status\":\"ASLEEP\"}").statusCode()).isEqualTo(400);
    assertThat(operator("PATCH", "/api/operator/tenants/nowhere", "{\"status\":\"ACTIVE\"}").statusCode()).isEqualTo(404);
  }

  /**
   * The same municipality or operator sent several times at once (a double click, a retried script):
   * one is created, the others are told it exists. Failed before with 500 for the others (unique key
   * of the tenant, "The user already exists").
   */
  @Test
  void shouldCreateATenantOrOperatorSentSeveralTimesAtOnceOnce() throws Exception {
    List<HttpResponse<String>> tenants = AtOnce.send(6, () -> operator("POST", "/api/operator/tenants", """
        {"slug": "doji", "name": "同時町", "admin": {"id": "doji-admin", "password": "Doji-Kanri-2026!"}}"""));
    assertThat(AtOnce.statuses(tenants)).as(tenants.toString()).containsExactly(201, 409, 409, 409, 409, 409);
    assertThat(tenants.stream().filter(answer -> answer.statusCode() == 409))
        .allSatisfy(answer -> assertThat(answer.body()).contains("自治体「doji」はすでにあります"));
    assertThat(identity.createTenantQuery().userMember("doji-admin").singleResult().getId()).isEqualTo("doji");

    List<HttpResponse<String>> operators = AtOnce.send(6, () -> operator("POST", "/api/operator/operators",
        "{\"id\":\"doji-op\",\"password\":\"Unyou-Doji-2026!\"}"));
    assertThat(AtOnce.statuses(operators)).as(operators.toString()).containsExactly(201, 409, 409, 409, 409, 409);
    List<HttpResponse<String>> deleted = AtOnce.send(6, () -> operator("DELETE", "/api/operator/operators/doji-op", null));
    assertThat(AtOnce.statuses(deleted)).as(deleted.toString()).containsExactly(204, 404, 404, 404, 404, 404);
  }

  @Test
  void shouldManageOperatorsAccounts() throws Exception {
    assertThat(operator("POST", "/api/operator/operators",
        "{\"id\":\"second-op\",\"password\":\"Unyou-Futari-2026!\"}").statusCode()).isEqualTo(201);
    assertThat(http.basic("GET", "/engine-rest/task", "second-op", "Unyou-Futari-2026!", null).body())
        .contains("password-change-required");
    assertThat(operator("GET", "/api/operator/operators", null).body()).contains("second-op");
    assertThat(operator("DELETE", "/api/operator/operators/" + OPERATOR, null).statusCode()).isEqualTo(409);
    assertThat(operator("DELETE", "/api/operator/operators/demo-clerk", null).statusCode()).isEqualTo(404);
    assertThat(operator("DELETE", "/api/operator/operators/second-op", null).statusCode()).isEqualTo(204);
    assertThat(identity.createUserQuery().userId("second-op").count()).isZero();
  }

  /** A name longer than Camunda's column (255) answered 500; it gets the staff accounts' rule. */
  @Test
  void shouldRefuseAnOperatorsNameNoStaffNameMayHave() throws Exception {
    for (String name : new String[] {"長".repeat(300), "a\u0007b"}) {
      var answer = operator("POST", "/api/operator/operators", "{\"id\":\"named-op\",\"password\":\"Unyou-Namae-2026!\","
          + "\"firstName\":\"" + name.replace("\u0007", "\\u0007") + "\"}");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("氏名");
    }
    assertThat(identity.createUserQuery().userId("named-op").count()).isZero();
  }

  @Test
  void shouldNotLetOneOperatorTakeOverAnothersAccountOrMakeAccountsBesideTheApi() throws Exception {
    assertThat(operator("POST", "/api/operator/operators",
        "{\"id\":\"third-op\",\"password\":\"Unyou-Sannin-2026!\"}").statusCode()).isEqualTo(201);
    assertThat(http.basic("POST", "/staff/password", null, null, json.writeValueAsString(java.util.Map.of(
        "userId", "third-op", "currentPassword", "Unyou-Sannin-2026!", "newPassword", "Unyou-Jibun-2026#")))
        .statusCode()).isEqualTo(200);
    try {
      assertThat(http.basic("PUT", "/engine-rest/user/" + OPERATOR + "/credentials", "third-op", "Unyou-Jibun-2026#",
          "{\"password\":\"Taken-Over-2026!x\",\"authenticatedUserPassword\":\"Unyou-Jibun-2026#\"}").statusCode())
          .isEqualTo(403);
      assertThat(http.basic("POST", "/engine-rest/user/create", "third-op", "Unyou-Jibun-2026#",
          "{\"profile\":{\"id\":\"side-op\",\"firstName\":\"x\"},\"credentials\":{\"password\":\"Side-Door-2026!x\"}}")
          .statusCode()).isEqualTo(403);
      assertThat(identity.checkPassword(OPERATOR, OPERATOR_PASSWORD)).isTrue();
      assertThat(identity.createUserQuery().userId("side-op").count()).isZero();
      assertThat(http.basic("PUT", "/engine-rest/user/third-op/profile", "third-op", "Unyou-Jibun-2026#",
          "{\"id\":\"third-op\",\"firstName\":\"三人目\",\"lastName\":\"運用\"}").statusCode())
          .as("one's own account").isEqualTo(204);
    } finally {
      operator("DELETE", "/api/operator/operators/third-op", null);
    }
  }
}
