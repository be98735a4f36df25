package jp.madoguchi.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.FullJourneys;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.Markers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail the purge destroys is in the ZIP: every step the engine recorded of an
 * application, the decisions its DMN table took (the rule that matched; the values only with
 * 要配慮個人情報), the withdrawals and corrections the resident sent, and what the payment and identity
 * providers reported.
 */
class ExportProcessHistoryTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ObjectMapper json;

  @Test
  void shouldExportStepsDecisionsResidentRequestsAndProviderCallbacks() throws Exception {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    FullJourneys journeys = new FullJourneys(port, jdbc, runtime, tasks, management, json, new Markers());
    journeys.fetchLineKeys();
    String bulky = journeys.bulkyWaste(LineIdTokens.newUserId());
    String road = journeys.roadDamage(LineIdTokens.newUserId());
    String certificate = journeys.residentCertificate(LineIdTokens.newUserId());
    String withdrawer = LineIdTokens.newUserId();
    String withdrawn = journeys.openBulkyWaste(withdrawer);
    withdraw(withdrawer, withdrawn);
    ExportDownloads downloads = new ExportDownloads(port);

    Map<String, byte[]> full = ExportDownloads.entries(downloads.download(DEMO,
        downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{\"includeSensitive\": true}"), "demo-admin",
        DEMO_ADMIN_PASSWORD).body());

    List<JsonNode> steps = of(full, ProcessHistoryExport.STEPS, bulky);
    assertThat(steps).extracting(step -> step.get("type").asText())
        .contains("startEvent", "serviceTask", "userTask", "noneEndEvent");
    JsonNode review = steps.stream().filter(step -> "Task_ReviewApplication".equals(step.get("activityId").asText()))
        .findFirst().orElseThrow();
    assertThat(review.get("taskId").asText()).isNotBlank();
    assertThat(review.get("endedAt").asText()).isNotBlank();
    assertThat(steps.get(0).get("type").asText()).isEqualTo("startEvent");
    assertThat(of(full, ProcessHistoryExport.STEPS, withdrawn)).anySatisfy(step -> {
      assertThat(step.get("activityId").asText()).isEqualTo("Task_ReviewApplication");
      assertThat(step.get("canceled").asBoolean()).isTrue();
    });

    JsonNode decision = of(full, ProcessHistoryExport.DECISIONS, road).get(0);
    assertThat(decision.get("decision").asText()).isEqualTo("road-damage-routing");
    assertThat(decision.get("activityId").asText()).isNotBlank();
    assertThat(decision.get("inputs").findValuesAsText("value")).contains("道路の穴・段差");
    JsonNode department = output(decision, "department");
    assertThat(department.get("ruleId").asText()).startsWith("Rule_");
    assertThat(department.get("value").asText()).isEqualTo("road-section");
    assertThat(of(full, ProcessHistoryExport.DECISIONS, bulky)).isEmpty();

    assertThat(of(full, ResidentRecordsExport.RESIDENT_REQUESTS, withdrawn)).singleElement()
        .satisfies(request -> assertThat(request.get("action").asText()).isEqualTo("withdraw"));
    List<JsonNode> callbacks = of(full, ResidentRecordsExport.CALLBACKS, certificate);
    assertThat(callbacks).extracting(callback -> callback.get("channel").asText())
        .containsExactlyInAnyOrder("identity", "payment");
    assertThat(callbacks).filteredOn(callback -> "payment".equals(callback.get("channel").asText())).singleElement()
        .satisfies(callback -> {
          assertThat(callback.get("outcome").asText()).isEqualTo("PAID");
          assertThat(callback.get("providerRef").asText()).isNotBlank();
          assertThat(callback.get("receivedAt").asText()).isNotBlank();
        });
    JsonNode manifest = json.readTree(full.get("manifest.json"));
    ExportDownloads.assertHashesMatch(manifest, full);
    assertThat(manifest.findValuesAsText("path")).contains(ProcessHistoryExport.STEPS, ProcessHistoryExport.DECISIONS,
        ResidentRecordsExport.RESIDENT_REQUESTS, ResidentRecordsExport.CALLBACKS);
    assertThat(manifest.get("counts").get("steps").asLong()).isGreaterThanOrEqualTo(steps.size());
    assertThat(manifest.get("counts").get("decisions").asLong()).isPositive();

    Map<String, byte[]> plain = ExportDownloads.entries(downloads.download(DEMO,
        downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{}"), "demo-admin", DEMO_ADMIN_PASSWORD).body());
    JsonNode withoutValues = of(plain, ProcessHistoryExport.DECISIONS, road).get(0);
    assertThat(withoutValues.get("inputs").findValues("value")).isEmpty();
    assertThat(withoutValues.get("outputs").findValues("value")).isEmpty();
    assertThat(output(withoutValues, "department").get("ruleId").asText()).isEqualTo(department.get("ruleId").asText());
    assertThat(new String(plain.get(ProcessHistoryExport.DECISIONS), StandardCharsets.UTF_8)).doesNotContain("道路の穴・段差");
    assertThat(of(plain, ProcessHistoryExport.STEPS, bulky)).hasSameSizeAs(steps);
    assertThat(json.readTree(plain.get("manifest.json")).get("excludedTexts").toString())
        .contains("applications/decisions.json: value");
  }

  private void withdraw(String resident, String number) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + port + "/api/demo/applications/" + number + "/withdrawal"))
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, resident))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"clientRequestId\": \"" + UUID.randomUUID() + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private List<JsonNode> of(Map<String, byte[]> zip, String path, String number) throws Exception {
    return StreamSupport.stream(json.readTree(zip.get(path)).spliterator(), false)
        .filter(element -> number.equals(element.path("application").asText())).toList();
  }

  private static JsonNode output(JsonNode decision, String variable) {
    return StreamSupport.stream(decision.get("outputs").spliterator(), false)
        .filter(output -> variable.equals(output.get("variable").asText())).findFirst().orElseThrow();
  }
}
