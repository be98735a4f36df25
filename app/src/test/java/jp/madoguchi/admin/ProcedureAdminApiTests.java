package jp.madoguchi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/{tenant}/admin/procedures} (C5): the tenant's procedures with labels, for its admins only. */
class ProcedureAdminApiTests extends IntegrationTest {

  private static final String KITA_OWN = "kita-own-consultation";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repository;

  @Test
  void shouldListTheProceduresWithTheirLabelsRetentionDepartmentsAndFields() throws Exception {
    HttpResponse<String> response = get("/api/demo/admin/procedures", "demo-admin:" + DEMO_ADMIN_PASSWORD);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode child = procedure(json.readTree(response.body()), "child-allowance");
    assertThat(child.get("name").asText()).isEqualTo("児童手当 認定請求");
    assertThat(child.get("tenantOwn").asBoolean()).isFalse();
    assertThat(child.get("version").asInt()).isPositive();
    assertThat(child.get("label").get("confidentiality").asInt()).isEqualTo(3);
    assertThat(child.get("label").get("personalData").asText()).isEqualTo("personal");
    assertThat(child.get("label").get("text").asText()).isEqualTo("機密性3・個人情報");
    assertThat(child.get("retentionYears").asInt()).isEqualTo(5);
    assertThat(child.get("departments")).extracting(JsonNode::asText).containsExactly("child-section", "child-section-chief");
    assertThat(child.get("fields")).anySatisfy(field -> {
      assertThat(field.get("key").asText()).isEqualTo("accountNumber");
      assertThat(field.get("label").asText()).isEqualTo("口座番号（7桁の数字）");
      assertThat(field.get("confidentiality").asInt()).isEqualTo(3);
      assertThat(field.get("personalData").asText()).isEqualTo("personal");
    });
  }

  @Test
  void shouldShowATenantsOwnProcedureToThatTenantOnly() throws Exception {
    Path example = Path.of("../examples/add-a-procedure");
    repository.createDeployment().name(KITA_OWN).tenantId(KITA)
        .addInputStream(KITA_OWN + ".bpmn", rekeyed(example.resolve("garbage-station-request.bpmn")))
        .addInputStream("apply.form", rekeyed(example.resolve("forms/garbage-station-request/apply.form")))
        .addInputStream("review.form", rekeyed(example.resolve("forms/garbage-station-request/review.form")))
        .deploy();

    JsonNode kita = json.readTree(get("/api/kita/admin/procedures", "kita-admin:Hokubu-Admin-2026!").body());
    assertThat(procedure(kita, KITA_OWN).get("tenantOwn").asBoolean()).isTrue();
    JsonNode demo = json.readTree(get("/api/demo/admin/procedures", "demo-admin:" + DEMO_ADMIN_PASSWORD).body());
    assertThat(demo.findValuesAsText("key")).doesNotContain(KITA_OWN);
  }

  @Test
  void shouldAnswerTheTenantsAdminsOnly() throws Exception {
    assertThat(get("/api/demo/admin/procedures", "demo-clerk:" + DEMO_CLERK_PASSWORD).statusCode()).isEqualTo(403);
    assertThat(get("/api/demo/admin/procedures", "kita-admin:Hokubu-Admin-2026!").statusCode()).isEqualTo(403);
    assertThat(get("/api/demo/admin/procedures", null).statusCode()).isEqualTo(401);
  }

  private static JsonNode procedure(JsonNode list, String key) {
    for (JsonNode procedure : list) {
      if (key.equals(procedure.get("key").asText())) {
        return procedure;
      }
    }
    throw new AssertionError(key + " not listed in " + list);
  }

  /** Under a key of its own, out of the residents' catalogue, which other tests read. */
  private static ByteArrayInputStream rekeyed(Path file) throws java.io.IOException {
    return new ByteArrayInputStream(Files.readString(file).replace("garbage-station-request", KITA_OWN)
        .replace("isExecutable=\"true\"", "isExecutable=\"true\" camunda:isStartableInTasklist=\"false\"")
        .getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
