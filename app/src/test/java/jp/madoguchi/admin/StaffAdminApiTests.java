package jp.madoguchi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.AtOnce;
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

  /**
   * Two admins (or a double click) sending the same change at once: one after the other, each with
   * the answer it would get alone. Failed before with 500 for all but the first (unique key,
   * optimistic locking of the account and its groups).
   */
  @Test
  void shouldAnswerTheSameChangeSentSeveralTimesAtOnceAsIfSentInTurn() throws Exception {
    String create = """
        {"id": "doji-clerk", "password": "%s", "departments": ["waste-section"], "chiefOf": ["road-section"]}"""
        .formatted(NEW_PASSWORD);
    List<HttpResponse<String>> created = AtOnce.send(6, () -> admin("POST", "/api/demo/admin/staff", create));
    assertThat(AtOnce.statuses(created)).as(created.toString()).containsExactly(201, 409, 409, 409, 409, 409);
    assertThat(created.stream().filter(answer -> answer.statusCode() == 409))
        .allSatisfy(answer -> assertThat(answer.body()).contains("この ID はすでに使われています"));

    List<HttpResponse<String>> changed = AtOnce.send(6, () -> admin("PATCH", "/api/demo/admin/staff/doji-clerk",
        "{\"departments\": [\"waste-section\", \"park-section\"], \"chiefOf\": [\"park-section\"]}"));
    assertThat(AtOnce.statuses(changed)).as(changed.toString()).containsOnly(200);
    assertThat(identity.createGroupQuery().groupMember("doji-clerk").list()).extracting("id")
        .containsExactlyInAnyOrder("waste-section", "park-section", "park-section-chief");

    List<HttpResponse<String>> reset = AtOnce.send(6, () -> admin("POST", "/api/demo/admin/staff/doji-clerk/password-reset",
        "{\"password\": \"" + NEW_PASSWORD + "\"}"));
    assertThat(AtOnce.statuses(reset)).as(reset.toString()).containsOnly(200);

    List<HttpResponse<String>> deleted = AtOnce.send(6, () -> admin("DELETE", "/api/demo/admin/staff/doji-clerk", null));
    assertThat(AtOnce.statuses(deleted)).as(deleted.toString()).containsExactly(204, 404, 404, 404, 404, 404);
    assertThat(identity.createUserQuery().userId("doji-clerk").count()).isZero();
  }

  /**
   * A person changing their password in two tabs at once: one change is saved, the other is told it
   * came too late, and the password that works is the one whose answer said so. Failed before with
   * two 200s (the later one overwrote the earlier unseen) and 500s (optimistic locking).
   */
  @Test
  void shouldSaveOneOfTwoPasswordChangesSentAtOnce() throws Exception {
    assertThat(admin("POST", "/api/demo/admin/staff", """
        {"id": "futatabi-clerk", "password": "%s", "departments": ["waste-section"]}""".formatted(NEW_PASSWORD))
        .statusCode()).isEqualTo(201);
    List<String> wanted = List.of("Tab-Ichi-2026!a", "Tab-Ni-2026!bb", "Tab-San-2026!c", "Tab-Yon-2026!dd");
    AtomicInteger tab = new AtomicInteger();
    List<String> saved = new CopyOnWriteArrayList<>();
    List<HttpResponse<String>> changes = AtOnce.send(wanted.size(), () -> {
      String password = wanted.get(tab.getAndIncrement());
      HttpResponse<String> answer = changePassword("futatabi-clerk", NEW_PASSWORD, password);
      if (answer.statusCode() == 200) {
        saved.add(password);
      }
      return answer;
    });

    assertThat(AtOnce.statuses(changes)).as(changes.toString()).startsWith(200)
        .filteredOn(status -> status != 200).hasSize(wanted.size() - 1).isSubsetOf(401, 409);
    for (String password : wanted) {
      assertThat(identity.checkPassword("futatabi-clerk", password)).as(password).isEqualTo(saved.contains(password));
    }
  }

  private HttpResponse<String> changePassword(String user, String current, String next) throws Exception {
    return http.basic("POST", "/staff/password", null, null, json.writeValueAsString(java.util.Map.of(
        "userId", user, "currentPassword", current, "newPassword", next)));
  }
}
