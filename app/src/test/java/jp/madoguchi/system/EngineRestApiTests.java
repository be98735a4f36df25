package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** /engine-rest as Camunda Modeler, Tasklist and scripts use it: always authenticated, tenant-separated. */
class EngineRestApiTests extends IntegrationTest {

  private static final String START = "/process-definition/key/bulky-waste-collection/start";
  private static final String COLLECTION_DAY = TestDates.daysAhead(14);
  private static final String VALID_START = """
      {"variables": {
        "items": {"type": "Json", "value": "[{\\"name\\":\\"ソファ\\",\\"size\\":\\"L\\",\\"quantity\\":1}]"},
        "applicantName": {"value": "山田 花子"},
        "address": {"value": "デモ市中央1-2-3"},
        "preferredDate1": {"value": "%s"},
        "phone": {"value": "090-1234-5678"}}}""".formatted(COLLECTION_DAY);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ManagementService management;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldRefuseAnonymousCallsAndWrongPasswords() throws Exception {
    assertThat(get("/process-definition", null, null).statusCode()).isEqualTo(401);
    assertThat(get("/task", "nobody", DEMO_CLERK_PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void shouldNotLetOneWrongPasswordBlockTheRightOne() throws Exception {
    assertThat(get("/task", "kita-throttled", "wrong-password").statusCode()).isEqualTo(401);
    // Camunda's own delay is replaced by Madoguchi's login throttle (LoginThrottleTests): one slip costs nothing
    assertThat(get("/task", "kita-throttled", "Hokubu-Viewer-2026!").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswerAuthenticatedStaff() throws Exception {
    HttpResponse<String> definitions = get("/process-definition?key=bulky-waste-collection", "demo-clerk",
        DEMO_CLERK_PASSWORD);
    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(json.readTree(definitions.body())).isNotEmpty();
  }

  @Test
  void shouldLetAClerkCompleteAReviewStartedThroughTheApi() throws Exception {
    HttpResponse<String> started = post(START, VALID_START, "demo-admin", DEMO_ADMIN_PASSWORD);
    assertThat(started.statusCode()).isEqualTo(200);
    JsonNode instance = json.readTree(started.body());
    String instanceId = instance.get("id").asText();
    assertThat(instance.get("tenantId").asText()).isEqualTo(DEMO);
    assertThat(instance.get("businessKey").asText()).matches("20\\d\\d-\\d{6}");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE process_instance_id = ? AND tenant_id = ?",
        Long.class, instanceId, DEMO)).isEqualTo(1);
    BulkyWasteApplications.runJobs(management, instanceId);

    JsonNode tasks = json.readTree(get("/task?candidateGroup=waste-section&processInstanceId=" + instanceId,
        "demo-clerk", DEMO_CLERK_PASSWORD).body());
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    assertThat(tasks.get(0).at("/camundaFormRef/key").asText()).isEqualTo("bulky-waste-collection-review");

    assertThat(post("/task/" + taskId + "/claim", "{\"userId\":\"demo-clerk\"}", "demo-clerk", DEMO_CLERK_PASSWORD)
        .statusCode()).isEqualTo(204);
    HttpResponse<String> formVariables = get("/task/" + taskId + "/form-variables", "demo-clerk", DEMO_CLERK_PASSWORD);
    assertThat(formVariables.statusCode()).isEqualTo(200);
    assertThat(json.readTree(formVariables.body()).at("/address/value").asText()).isEqualTo("デモ市中央1-2-3");

    HttpResponse<String> incomplete = post("/task/" + taskId + "/complete",
        "{\"variables\": {\"decision\": {\"value\": \"approve\"}}}", "demo-clerk", DEMO_CLERK_PASSWORD);
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(incomplete.body()).contains("収集日").contains("collectionDate");

    String approval = """
        {"variables": {"decision": {"value": "approve"}, "collectionDate": {"value": "%s"},
          "fee": {"value": 1200, "type": "Long"}, "ticketNumber": {"value": "T-0001"}}}""";
    HttpResponse<String> yesterday = post("/task/" + taskId + "/complete", approval.formatted(TestDates.daysAgo(1)),
        "demo-clerk", DEMO_CLERK_PASSWORD);
    assertThat(yesterday.statusCode()).isEqualTo(400);
    assertThat(yesterday.body()).contains("「収集日」には今日以降の日付を入力してください");
    HttpResponse<String> completed = post("/task/" + taskId + "/complete", approval.formatted(COLLECTION_DAY),
        "demo-clerk", DEMO_CLERK_PASSWORD);
    assertThat(completed.statusCode()).isEqualTo(204);
    assertThat(get("/task/" + taskId, "demo-clerk", DEMO_CLERK_PASSWORD).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseABadStartWithReasonsAndLeaveNothingBehind() throws Exception {
    long applications = jdbc.queryForObject("SELECT count(*) FROM application", Long.class);
    long instances = jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst", Long.class);

    HttpResponse<String> missing = post(START, "{\"variables\": {\"address\": {\"value\": \"x\"}}}", "demo-admin",
        DEMO_ADMIN_PASSWORD);
    HttpResponse<String> malformed = post(START, VALID_START.replace("090-1234-5678", "phone?"), "demo-admin",
        DEMO_ADMIN_PASSWORD);
    HttpResponse<String> wrongType = post(START, VALID_START.replace(
        "\"" + COLLECTION_DAY + "\"}", "\"" + COLLECTION_DAY + "\", \"type\": \"Integer\"}"),
        "demo-admin", DEMO_ADMIN_PASSWORD);

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json.readTree(missing.body()).get("violations")).extracting(v -> v.get("field").asText())
        .contains("items", "preferredDate1", "phone");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("日中の連絡先電話番号");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application", Long.class)).isEqualTo(applications);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst", Long.class)).isEqualTo(instances);
  }

  @Test
  void shouldKeepEachTenantsTasksToItsOwnStaff() throws Exception {
    String instanceId = json.readTree(post(START, VALID_START, "demo-admin", DEMO_ADMIN_PASSWORD).body())
        .get("id").asText();
    BulkyWasteApplications.runJobs(management, instanceId);

    JsonNode demoTasks = json.readTree(get("/task?processInstanceId=" + instanceId, "demo-clerk", DEMO_CLERK_PASSWORD).body());
    JsonNode kitaTasks = json.readTree(get("/task?processInstanceId=" + instanceId, "kita-clerk", KITA_CLERK_PASSWORD).body());
    HttpResponse<String> kitaInstance = get("/process-instance/" + instanceId, "kita-clerk", KITA_CLERK_PASSWORD);

    assertThat(demoTasks).hasSize(1);
    assertThat(kitaTasks).isEmpty();
    assertThat(kitaInstance.statusCode()).isEqualTo(404);
    String taskId = demoTasks.get(0).get("id").asText();
    HttpResponse<String> claimAcrossTenants = post("/task/" + taskId + "/claim",
        "{\"userId\":\"kita-clerk\"}", "kita-clerk", KITA_CLERK_PASSWORD);
    // Camunda answers a claim of a task it cannot find for this user with 500 "Cannot find task"
    assertThat(claimAcrossTenants.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(claimAcrossTenants.body()).doesNotContain("デモ市");
    assertThat(json.readTree(get("/task/" + taskId, "demo-clerk", DEMO_CLERK_PASSWORD).body()).get("assignee").isNull())
        .isTrue();
  }

  @Test
  void shouldStartInstancesForTheStaffMembersOwnTenant() throws Exception {
    HttpResponse<String> started = post(START, VALID_START, "kita-admin", "Hokubu-Admin-2026!");
    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(json.readTree(started.body()).get("tenantId").asText()).isEqualTo(KITA);
  }


  private HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET(), user, password);
  }

  private HttpResponse<String> post(String path, String body, String user, String password)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), user, password);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String user, String password)
      throws IOException, InterruptedException {
    if (user != null) {
      String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + credentials);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + "/engine-rest" + path);
  }
}
