package jp.madoguchi.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A municipality's departments as its administrator sees them (C5): only its own (groups are shared
 * by every tenant), and the names it gives them.
 */
class DepartmentAdminApiTests extends IntegrationTest {

  private static final String KITA_ADMIN_PASSWORD = "Hokubu-Admin-2026!";
  private static final String NEW_PASSWORD = "Shokuin-Kari-2026!";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  private StaffHttp http;

  @BeforeEach
  void client() {
    http = new StaffHttp(port);
  }

  @AfterEach
  void forgetTestDepartments() {
    for (String group : List.of("kita-only-section", "dog-section", "dog-section-chief")) {
      identity.createUserQuery().memberOfGroup(group).list().forEach(user -> identity.deleteMembership(user.getId(), group));
      identity.deleteGroup(group);
    }
    identity.createUserQuery().userIdIn("dog-clerk", "sneaky-two").list().forEach(user -> identity.deleteUser(user.getId()));
    jdbc.update("DELETE FROM department");
  }

  private HttpResponse<String> demoAdmin(String method, String path, String body) throws Exception {
    return http.basic(method, path, "demo-admin", DEMO_ADMIN_PASSWORD, body);
  }

  private HttpResponse<String> kitaAdmin(String method, String path, String body) throws Exception {
    return http.basic(method, path, "kita-admin", KITA_ADMIN_PASSWORD, body);
  }

  private List<String> departments(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.convertValue(json.readTree(response.body()), json.getTypeFactory()
        .constructCollectionType(List.class, String.class));
  }

  @Test
  void shouldOfferOnlyTheMunicipalitysOwnDepartments() throws Exception {
    // a department only 北市 has (its seed file, or a group its own procedure made)
    Group group = identity.newGroup("kita-only-section");
    group.setName("kita-only-section");
    group.setType("WORKFLOW");
    identity.saveGroup(group);
    identity.createMembership("kita-clerk", "kita-only-section");

    assertThat(departments(kitaAdmin("GET", "/api/kita/admin/departments", null)))
        .contains("kita-only-section", "waste-section", "road-section", "resident-linking");
    assertThat(departments(demoAdmin("GET", "/api/demo/admin/departments", null)))
        .contains("waste-section", "road-section", "child-section", "resident-linking")
        .doesNotContain("kita-only-section", "tenant-admin", "saas-operator", Groups.CAMUNDA_ADMIN, "child-section-chief");

    HttpResponse<String> created = demoAdmin("POST", "/api/demo/admin/staff", "{\"id\":\"sneaky-two\",\"password\":\""
        + NEW_PASSWORD + "\",\"departments\":[\"kita-only-section\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
    assertThat(created.body()).contains("この自治体にない部署です: kita-only-section").doesNotContain("known: kita");
    HttpResponse<String> chief = demoAdmin("PATCH", "/api/demo/admin/staff/demo-clerk",
        "{\"chiefOf\":[\"kita-only-section\"]}");
    assertThat(chief.statusCode()).as(chief.body()).isEqualTo(400);
    assertThat(identity.createUserQuery().memberOfGroup("kita-only-section").list()).extracting("id")
        .containsExactly("kita-clerk");
    assertThat(identity.createGroupQuery().groupId("kita-only-section-chief").count()).isZero();
  }

  @Test
  void shouldNameDepartmentsAndAddANewOneStaffCanWorkIn() throws Exception {
    HttpResponse<String> named = demoAdmin("PUT", "/api/demo/admin/department-names/waste-section",
        "{\"name\":\"  環境課 ごみ減量係 \"}");
    assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
    assertThat(json.readTree(named.body()).get("name").asText()).isEqualTo("環境課 ごみ減量係");
    assertThat(demoAdmin("PUT", "/api/demo/admin/department-names/waste-section", "{\"name\":\"環境課\"}").statusCode())
        .isEqualTo(200);
    JsonNode names = json.readTree(demoAdmin("GET", "/api/demo/admin/department-names", null).body());
    assertThat(names.get("waste-section").asText()).isEqualTo("環境課");
    assertThat(kitaAdmin("GET", "/api/kita/admin/department-names", null).body()).isEqualTo("{}");

    // a department for the municipality's own procedure, before anybody works in it
    assertThat(departments(demoAdmin("GET", "/api/demo/admin/departments", null))).doesNotContain("dog-section");
    assertThat(demoAdmin("PUT", "/api/demo/admin/department-names/dog-section", "{\"name\":\"生活衛生課\"}").statusCode())
        .isEqualTo(200);
    assertThat(departments(demoAdmin("GET", "/api/demo/admin/departments", null))).contains("dog-section");
    HttpResponse<String> created = demoAdmin("POST", "/api/demo/admin/staff", "{\"id\":\"dog-clerk\",\"password\":\""
        + NEW_PASSWORD + "\",\"departments\":[\"dog-section\"],\"chiefOf\":[\"dog-section\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(identity.createUserQuery().memberOfGroup("dog-section").userId("dog-clerk").count()).isOne();
    // the group now exists, shared like every group; 北市 still has no such department
    assertThat(departments(kitaAdmin("GET", "/api/kita/admin/departments", null))).doesNotContain("dog-section");

    assertThat(demoAdmin("DELETE", "/api/demo/admin/department-names/dog-section", null).statusCode()).isEqualTo(204);
    assertThat(demoAdmin("DELETE", "/api/demo/admin/department-names/dog-section", null).statusCode()).isEqualTo(404);
    assertThat(departments(demoAdmin("GET", "/api/demo/admin/departments", null)))
        .as("still a department: somebody works in it").contains("dog-section");

    JsonNode log = awaitOperationLog("department.named", 3);
    assertThat(log.toString()).contains("waste-section", "環境課", "dog-section", "demo-admin");
    assertThat(awaitOperationLog("department.name-removed", 1).get(0).get("target").asText()).isEqualTo("dog-section");
  }

  @Test
  void shouldRefuseWhatIsNoDepartmentNameWithAMessageAndChangeNothing() throws Exception {
    String path = "/api/demo/admin/department-names/";
    record Refusal(String department, String body, int status, String message) {
    }
    for (Refusal refusal : List.of(
        new Refusal("Waste_Section", "{\"name\":\"環境課\"}", 400, "英小文字・数字・「-」"),
        new Refusal("x", "{\"name\":\"環境課\"}", 400, "2〜64 文字"),
        new Refusal("tenant-admin", "{\"name\":\"管理\"}", 400, "役割のグループ"),
        new Refusal(Groups.CAMUNDA_ADMIN, "{\"name\":\"管理\"}", 400, "役割のグループ"),
        new Refusal("saas-operator", "{\"name\":\"運用\"}", 400, "役割のグループ"),
        new Refusal("child-section-chief", "{\"name\":\"係長\"}", 400, "役割のグループ"),
        new Refusal("waste-section", "{\"name\":\"   \"}", 400, "1〜60 文字"),
        new Refusal("waste-section", "{}", 400, "1〜60 文字"),
        new Refusal("waste-section", "{\"name\":\"" + "課".repeat(61) + "\"}", 400, "1〜60 文字"),
        new Refusal("waste-section", "{\"name\":\"環境課\\n清掃係\"}", 400, "改行"),
        new Refusal("waste-section", "{\"name\":", 400, "読み取れません"),
        new Refusal("waste-section", "null", 400, "本文（JSON）がありません"),
        new Refusal("waste-section", "{\"name\":[1]}", 400, "name"))) {
      HttpResponse<String> response = demoAdmin("PUT", path + refusal.department(), refusal.body());
      assertThat(response.statusCode()).as(refusal.toString()).isEqualTo(refusal.status());
      assertThat(response.body()).as(refusal.toString()).contains(refusal.message());
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM department", Integer.class)).isZero();

    assertThat(demoAdmin("PUT", path + "waste-section", "{\"name\":\"環境課\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> taken = demoAdmin("PUT", path + "road-section", "{\"name\":\"環境課\"}");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.body()).contains("「環境課」はすでにほかの部署 waste-section の名前です");
    assertThat(kitaAdmin("PUT", "/api/kita/admin/department-names/road-section", "{\"name\":\"環境課\"}").statusCode())
        .as("another municipality may use the same name").isEqualTo(200);

    for (String user : List.of("demo-clerk", "kita-admin", "test-operator")) {
      String password = switch (user) {
        case "demo-clerk" -> DEMO_CLERK_PASSWORD;
        case "kita-admin" -> KITA_ADMIN_PASSWORD;
        default -> "Operator-Pass-2026!";
      };
      assertThat(http.basic("PUT", path + "waste-section", user, password, "{\"name\":\"乗っ取り\"}").statusCode())
          .as(user).isEqualTo(403);
      assertThat(http.basic("DELETE", path + "waste-section", user, password, null).statusCode()).as(user).isEqualTo(403);
      assertThat(http.basic("GET", "/api/demo/admin/department-names", user, password, null).statusCode()).as(user)
          .isEqualTo(403);
    }
    assertThat(http.basic("PUT", path + "waste-section", null, null, "{\"name\":\"乗っ取り\"}").statusCode()).isEqualTo(401);
    assertThat(json.readTree(demoAdmin("GET", "/api/demo/admin/department-names", null).body()).get("waste-section")
        .asText()).isEqualTo("環境課");

    for (int i = 0; i < DepartmentDirectory.MAX_NAMED; i++) {
      jdbc.update("INSERT INTO department (tenant_id, group_id, name) VALUES ('demo', ?, ?) ON CONFLICT DO NOTHING",
          "bulk-" + i, "部署" + i);
    }
    HttpResponse<String> tooMany = demoAdmin("PUT", path + "one-more-section", "{\"name\":\"多すぎる課\"}");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("200 まで");
    assertThat(demoAdmin("PUT", path + "waste-section", "{\"name\":\"環境部 環境課\"}").statusCode())
        .as("renaming one stays possible").isEqualTo(200);
  }

  private JsonNode awaitOperationLog(String kind, int atLeast) throws Exception {
    JsonNode items = null;
    for (int attempt = 0; attempt < 100; attempt++) {
      items = json.readTree(demoAdmin("GET", "/api/demo/admin/operation-log?kind=" + kind, null).body()).get("items");
      if (items.size() >= atLeast) {
        return items;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + kind + " entries in the operation log: " + items);
  }
}
