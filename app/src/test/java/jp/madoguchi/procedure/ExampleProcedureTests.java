package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.ModelerDeploy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * README "Add a procedure": the example's BPMN and forms, deployed for one municipality through the
 * REST API as Camunda Modeler does, work end to end without any Java change.
 */
class ExampleProcedureTests extends IntegrationTest {

  private static final Path EXAMPLE = Path.of("../examples/add-a-procedure");
  private static final String KEY = "garbage-station-request";
  /** Procedures of one municipality are deployed by its tenant admin (operators belong to no tenant). */
  private static final String TENANT_ADMIN = "demo-admin:" + DEMO_ADMIN_PASSWORD;
  private static final String CLERK = "demo-clerk:" + DEMO_CLERK_PASSWORD;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Test
  void shouldRunTheReadmeExampleDeployedLikeCamundaModelerDoes() throws Exception {
    long deployedAt = System.currentTimeMillis();
    HttpResponse<String> deployed = deploy(List.of(EXAMPLE.resolve(KEY + ".bpmn"),
        EXAMPLE.resolve("forms/" + KEY + "/apply.form"), EXAMPLE.resolve("forms/" + KEY + "/review.form")));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    assertThat(json.readTree(deployed.body()).get("tenantId").asText()).isEqualTo(DEMO);
    assertThat(catalogueAfterCache(DEMO, deployedAt)).contains("ごみ集積所の設置・移設の相談");
    assertThat(catalogueAfterCache(KITA, deployedAt)).doesNotContain(KEY);

    String resident = LineIdTokens.newUserId();
    HttpResponse<String> filed = send(request("/api/demo/applications").header("Authorization", "Bearer " + token(resident))
        .POST(body("""
            {"procedureKey": "%s", "clientRequestId": "%s", "data": {"kind": "new", "applicantName": "山田 花子", "address": "デモ市中央3-4 付近",
              "households": 12, "phone": "090-1234-5678"}}""".formatted(KEY, UUID.randomUUID()))));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String number = json.readTree(filed.body()).get("applicationNumber").asText();
    assertThat(statusOf(number, resident)).isEqualTo("審査中");

    JsonNode tasks = json.readTree(send(request("/engine-rest/task?processInstanceBusinessKey=" + number)
        .header("Authorization", basic(CLERK)).GET()).body());
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("name").asText()).isEqualTo("現地確認と回答");
    HttpResponse<String> completed = send(request("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete")
        .header("Authorization", basic(CLERK)).POST(body("""
            {"variables": {"decision": {"value": "approve"}, "availableFrom": {"value": "2026-12-01"},
              "answer": {"value": "中央公園北側の歩道に設置できます。"}}}""")));
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

    assertThat(statusOf(number, resident)).isEqualTo("承認");
    JsonNode detail = json.readTree(send(request("/api/demo/applications/" + number)
        .header("Authorization", "Bearer " + token(resident)).GET()).body());
    assertThat(detail.get("timeline").findValuesAsText("status")).containsExactly("受付済み", "審査中", "承認");
  }

  private HttpResponse<String> deploy(List<Path> files) throws IOException, InterruptedException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    for (Path file : files) {
      parts.put(file.getFileName().toString(), Files.readAllBytes(file));
    }
    return ModelerDeploy.deploy(port, TENANT_ADMIN, KEY, DEMO, parts);
  }

  /** The catalogue is cached for 5 s per tenant: asks until the procedure shows up or every cache is fresh. */
  private String catalogueAfterCache(String tenant, long deployedAt) throws Exception {
    long waitUntil = deployedAt + 5_500;
    String body = send(request("/api/" + tenant + "/procedures").GET()).body();
    while (!body.contains(KEY) && System.currentTimeMillis() < waitUntil) {
      Thread.sleep(250);
      body = send(request("/api/" + tenant + "/procedures").GET()).body();
    }
    return body;
  }

  private String statusOf(String number, String resident) throws Exception {
    JsonNode mine = json.readTree(send(request("/api/demo/applications").header("Authorization", "Bearer " + token(resident))
        .GET()).body());
    return mine.get(0).get("status").asText();
  }

  private static String token(String resident) {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    return LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, resident);
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest.BodyPublisher body(String text) {
    return HttpRequest.BodyPublishers.ofString(text);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
