package jp.madoguchi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The tenant admin's staff API (C5), for each role, and what its changes do at sign-in. */
class StaffAdminApiTests extends IntegrationTest {

  private static final String NEW_PASSWORD = "Shokuin-Kari-2026!";
  private static final String CHANGED_PASSWORD = "Jibun-No-Pass-2026#";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identity;
  private StaffHttp http;

  @BeforeEach
  void client() {
    http = new StaffHttp(port);
  }

  private HttpResponse<String> admin(String method, String path, String body) throws Exception {
    return http.basic(method, path, "demo-admin", DEMO_ADMIN_PASSWORD, body);
  }

  @Test
  void shouldLetOnlyTheTenantsOwnAdminManageItsStaff() throws Exception {
    assertThat(admin("GET", "/api/demo/admin/staff", null).statusCode()).isEqualTo(200);
    assertThat(http.basic("GET", "/api/demo/admin/staff", "demo-clerk", DEMO_CLERK_PASSWORD, null).statusCode())
        .as("clerk").isEqualTo(403);
    assertThat(http.basic("GET", "/api/demo/admin/staff", "demo-chief", "Madoguchi-Chief-2026!", null).statusCode())
        .as("chief").isEqualTo(403);
    assertThat(http.basic("GET", "/api/demo/admin/staff", "kita-admin", "Hokubu-Admin-2026!", null).statusCode())
        .as("another tenant's admin").isEqualTo(403);
    assertThat(http.basic("GET", "/api/demo/admin/staff", "test-operator", "Operator-Pass-2026!", null).statusCode())
        .as("operator").isEqualTo(403);
    assertThat(http.basic("GET", "/api/demo/admin/staff", null, null, null).statusCode()).as("anonymous").isEqualTo(401);
    String create = "{\"id\":\"evil-one\",\"password\":\"" + NEW_PASSWORD + "\",\"departments\":[\"waste-section\"]}";
    assertThat(http.basic("POST", "/api/demo/admin/staff", "kita-admin", "Hokubu-Admin-2026!", create).statusCode())
        .isEqualTo(403);
    assertThat(http.basic("POST", "/api/demo/admin/staff", "demo-clerk", DEMO_CLERK_PASSWORD, create).statusCode())
        .isEqualTo(403);
    assertThat(identity.createUserQuery().userId("evil-one").count()).isZero();
    // another tenant's staff member is no staff member here
    assertThat(admin("GET", "/api/demo/admin/staff/kita-clerk", null).statusCode()).isEqualTo(404);
    assertThat(admin("DELETE", "/api/demo/admin/staff/kita-clerk", null).statusCode()).isEqualTo(404);
    assertThat(admin("DELETE", "/api/demo/admin/staff/test-operator", null).statusCode()).isEqualTo(404);
    assertThat(identity.createUserQuery().userId("kita-clerk").count()).isOne();
  }

  @Test
  void shouldRegisterAClerkWhoMustChangeTheInitialPasswordFirst() throws Exception {
    HttpResponse<String> created = admin("POST", "/api/demo/admin/staff", """
        {"id": "shinnin-clerk", "password": "%s", "firstName": "新任", "lastName": "職員",
         "departments": ["waste-section", "child-section"], "chiefOf": ["child-section"]}""".formatted(NEW_PASSWORD));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode staff = json.readTree(created.body());
    assertThat(staff.get("departments").toString()).isEqualTo("[\"child-section\",\"waste-section\"]");
    assertThat(staff.get("chiefOf").toString()).isEqualTo("[\"child-section\"]");
    assertThat(staff.get("chief").asBoolean()).isTrue();
    assertThat(staff.get("mustChangePassword").asBoolean()).isTrue();
    assertThat(identity.createTenantQuery().userMember("shinnin-clerk").singleResult().getId()).isEqualTo(DEMO);

    // until the password is changed, every staff surface refuses, with the way out in the message
    HttpResponse<String> rest = http.basic("GET", "/engine-rest/task", "shinnin-clerk", NEW_PASSWORD, null);
    assertThat(rest.statusCode()).isEqualTo(403);
    assertThat(rest.body()).contains("/staff/password");
    HttpResponse<String> login = http.browser(null).login("shinnin-clerk", NEW_PASSWORD);
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(json.readTree(login.body()).get("reason").asText()).isEqualTo("password-change-required");

    assertThat(changePassword("shinnin-clerk", NEW_PASSWORD, "short").statusCode()).isEqualTo(400);
    assertThat(changePassword("shinnin-clerk", "wrong-Password-1!", CHANGED_PASSWORD).statusCode()).isEqualTo(401);
    HttpResponse<String> changed = changePassword("shinnin-clerk", NEW_PASSWORD, CHANGED_PASSWORD);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(http.basic("GET", "/engine-rest/task", "shinnin-clerk", CHANGED_PASSWORD, null).statusCode()).isEqualTo(200);
    assertThat(http.browser(null).login("shinnin-clerk", CHANGED_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseWeakPasswordsUnknownDepartmentsAndTakenIds() throws Exception {
    HttpResponse<String> weak = admin("POST", "/api/demo/admin/staff",
        "{\"id\":\"weak-one\",\"password\":\"password\",\"departments\":[\"waste-section\"]}");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("10 文字以上");
    HttpResponse<String> unknown = admin("POST", "/api/demo/admin/staff",
        "{\"id\":\"lost-one\",\"password\":\"" + NEW_PASSWORD + "\",\"departments\":[\"no-such-section\"]}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no-such-section");
    assertThat(admin("POST", "/api/demo/admin/staff", "{\"id\":\"kita-clerk\",\"password\":\"" + NEW_PASSWORD
        + "\",\"departments\":[\"waste-section\"]}").statusCode()).as("ids are unique across tenants").isEqualTo(409);
    assertThat(admin("POST", "/api/demo/admin/staff", "{\"id\":\"x\"").statusCode()).isEqualTo(400);
    assertThat(identity.createUserQuery().userIdIn("weak-one", "lost-one").count()).isZero();
  }

  @Test
  void shouldChangeRolesDisableEnableResetAndDelete() throws Exception {
    admin("POST", "/api/demo/admin/staff", "{\"id\":\"idou-clerk\",\"password\":\"" + NEW_PASSWORD
        + "\",\"departments\":[\"waste-section\"]}");
    changePassword("idou-clerk", NEW_PASSWORD, CHANGED_PASSWORD);

    HttpResponse<String> moved = admin("PATCH", "/api/demo/admin/staff/idou-clerk",
        "{\"departments\":[\"road-section\"],\"tenantAdmin\":true}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(identity.createGroupQuery().groupMember("idou-clerk").list()).extracting(g -> g.getId())
        .containsExactlyInAnyOrder("road-section", "tenant-admin");

    assertThat(admin("PATCH", "/api/demo/admin/staff/idou-clerk", "{\"disabled\":true}").statusCode()).isEqualTo(200);
    HttpResponse<String> disabled = http.basic("GET", "/engine-rest/task", "idou-clerk", CHANGED_PASSWORD, null);
    assertThat(disabled.statusCode()).isEqualTo(403);
    assertThat(disabled.body()).contains("account-disabled");
    assertThat(http.browser(null).login("idou-clerk", CHANGED_PASSWORD).statusCode()).isEqualTo(403);
    assertThat(http.basic("GET", "/api/demo/admin/staff", "idou-clerk", CHANGED_PASSWORD, null).statusCode()).isEqualTo(403);
    assertThat(admin("PATCH", "/api/demo/admin/staff/idou-clerk", "{\"disabled\":false}").statusCode()).isEqualTo(200);
    assertThat(http.basic("GET", "/engine-rest/task", "idou-clerk", CHANGED_PASSWORD, null).statusCode()).isEqualTo(200);

    HttpResponse<String> reset = admin("POST", "/api/demo/admin/staff/idou-clerk/password-reset", null);
    assertThat(reset.statusCode()).isEqualTo(200);
    String initial = json.readTree(reset.body()).get("initialPassword").asText();
    assertThat(http.basic("GET", "/engine-rest/task", "idou-clerk", CHANGED_PASSWORD, null).statusCode()).isEqualTo(401);
    assertThat(http.basic("GET", "/engine-rest/task", "idou-clerk", initial, null).body()).contains("password-change-required");

    assertThat(admin("DELETE", "/api/demo/admin/staff/idou-clerk", null).statusCode()).isEqualTo(204);
    assertThat(identity.createUserQuery().userId("idou-clerk").count()).isZero();
    assertThat(admin("GET", "/api/demo/admin/staff/idou-clerk", null).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldNeverPutStaffInAGroupThatSkipsTheTenantCheckOrInTheOperators() throws Exception {
    assertThat(admin("GET", "/api/demo/admin/departments", null).body())
        .contains("waste-section").doesNotContain(Groups.CAMUNDA_ADMIN).doesNotContain("saas-operator");
    for (String group : List.of(Groups.CAMUNDA_ADMIN, "saas-operator")) {
      HttpResponse<String> self = admin("PATCH", "/api/demo/admin/staff/demo-admin",
          "{\"departments\":[\"" + group + "\"],\"tenantAdmin\":true}");
      assertThat(self.statusCode()).as(group).isEqualTo(400);
      assertThat(self.body()).contains(group);
      assertThat(admin("POST", "/api/demo/admin/staff", "{\"id\":\"sneaky-one\",\"password\":\"" + NEW_PASSWORD
          + "\",\"departments\":[\"" + group + "\"]}").statusCode()).as(group).isEqualTo(400);
      assertThat(identity.createUserQuery().memberOfGroup(group).userIdIn("demo-admin", "sneaky-one").count()).isZero();
    }
    HttpResponse<String> missing = admin("POST", "/api/demo/admin/staff", "{\"id\":\"sneaky-one\",\"password\":\""
        + NEW_PASSWORD + "\",\"departments\":[null],\"chiefOf\":[null]}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("部署名が空です");
    assertThat(identity.createUserQuery().userId("sneaky-one").count()).isZero();
  }

  @Test
  void shouldNotLetAnAdminDisableDemoteOrDeleteThemselves() throws Exception {
    assertThat(admin("PATCH", "/api/demo/admin/staff/demo-admin", "{\"disabled\":true}").statusCode()).isEqualTo(409);
    assertThat(admin("PATCH", "/api/demo/admin/staff/demo-admin", "{\"tenantAdmin\":false}").statusCode()).isEqualTo(409);
    assertThat(admin("DELETE", "/api/demo/admin/staff/demo-admin", null).statusCode()).isEqualTo(409);
  }

  @Test
  void shouldShowAndLiftALoginLock() throws Exception {
    admin("POST", "/api/demo/admin/staff", "{\"id\":\"wasure-clerk\",\"password\":\"" + NEW_PASSWORD
        + "\",\"departments\":[\"waste-section\"]}");
    changePassword("wasure-clerk", NEW_PASSWORD, CHANGED_PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertThat(http.basic("GET", "/engine-rest/task", "wasure-clerk", "Wrong-Guess-" + i, null,
          "X-Forwarded-For", "198.51.100." + (40 + i)).statusCode()).isEqualTo(401);
    }
    // from 127.0.0.1, where the account changed its password, the lock does not shut its person out
    assertThat(http.basic("GET", "/engine-rest/task", "wasure-clerk", CHANGED_PASSWORD, null,
        "X-Forwarded-For", "127.0.0.60").statusCode()).as("locked, even with the right password").isEqualTo(429);
    JsonNode staff = json.readTree(admin("GET", "/api/demo/admin/staff/wasure-clerk", null).body());
    assertThat(staff.get("lockedUntil").asText()).endsWith("+09:00");
    List<String> locked = json.readTree(admin("GET", "/api/demo/admin/staff", null).body()).findValues("lockedUntil")
        .stream().filter(node -> !node.isNull()).map(JsonNode::asText).toList();
    assertThat(locked).isNotEmpty();

    assertThat(http.basic("DELETE", "/api/demo/admin/staff/wasure-clerk/lock", "kita-admin", "Hokubu-Admin-2026!", null)
        .statusCode()).isEqualTo(403);
    assertThat(admin("DELETE", "/api/demo/admin/staff/wasure-clerk/lock", null).statusCode()).isEqualTo(204);
    assertThat(json.readTree(admin("GET", "/api/demo/admin/staff/wasure-clerk", null).body()).get("lockedUntil").isNull())
        .isTrue();
    assertThat(http.basic("GET", "/engine-rest/task", "wasure-clerk", CHANGED_PASSWORD, null,
        "X-Forwarded-For", "127.0.0.60").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> changePassword(String user, String current, String next) throws Exception {
    return http.basic("POST", "/staff/password", null, null, json.writeValueAsString(java.util.Map.of(
        "userId", user, "currentPassword", current, "newPassword", next)));
  }
}
