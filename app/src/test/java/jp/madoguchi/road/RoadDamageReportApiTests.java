package jp.madoguchi.road;

import static jp.madoguchi.LineIdTokens.DEMO_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A damage report through the resident API, the clerk's upload of the after-photo
 * ({@code POST /api/{tenant}/admin/applications/{number}/attachments}) and the REST completion of
 * the triage with a wrong duplicate number.
 */
class RoadDamageReportApiTests extends IntegrationTest {

  private static final LineIdTokens LINE_KEYS = LineIdTokens.LINE;
  private static final String BOUNDARY = "----madoguchi-road-boundary";
  private static final String ROAD_CLERK = "demo-road";
  private static final String ROAD_PASSWORD = "Madoguchi-Road-2026!";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  private String resident;

  @BeforeEach
  void publishKeys() {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LINE_KEYS);
    resident = LineIdTokens.newUserId();
  }

  @Test
  void shouldLetTheClerkAddTheAfterPhotoThatTheResidentThenSees() throws Exception {
    String number = report();

    HttpResponse<String> page = send(staff(ROAD_CLERK, ROAD_PASSWORD, "/api/demo/admin/applications/" + number + "/upload").GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains(number, "まだありません");
    HttpResponse<String> uploaded = staffUpload(ROAD_CLERK, ROAD_PASSWORD, number, "補修後.png", RoadDamageReportProcessTests.png());
    assertThat(uploaded.statusCode()).isEqualTo(201);
    String photoId = json.readTree(uploaded.body()).get("id").asText();

    assertThat(jdbc.queryForObject("SELECT uploaded_by FROM attachment WHERE id = ?::uuid", String.class, photoId))
        .isEqualTo(ROAD_CLERK);
    JsonNode detail = json.readTree(send(resident("/api/demo/applications/" + number).GET()).body());
    assertThat(detail.get("attachments")).hasSize(1);
    assertThat(detail.get("staffAttachments")).hasSize(1);
    assertThat(detail.get("staffAttachments").get(0).get("id").asText()).isEqualTo(photoId);
    assertThat(send(resident("/api/demo/attachments/" + photoId).GET()).statusCode()).isEqualTo(200);
    resident = LineIdTokens.newUserId();
    assertThat(send(resident("/api/demo/attachments/" + photoId).GET()).statusCode()).isEqualTo(404);
    assertThat(send(staff(ROAD_CLERK, ROAD_PASSWORD, "/api/demo/admin/applications/" + number + "/upload").GET()).body())
        .contains("/api/demo/admin/attachments/" + photoId);
  }

  @Test
  void shouldRefuseUploadsFromAnotherTenantsStaffResidentsAndAnonymousCallers() throws Exception {
    String number = report();
    byte[] photo = RoadDamageReportProcessTests.png();

    assertThat(staffUpload("kita-clerk", KITA_CLERK_PASSWORD, number, "x.png", photo).statusCode()).isEqualTo(403);
    HttpResponse<String> asResident = send(multipart("/api/demo/admin/applications/" + number + "/attachments", "x.png", photo)
        .header("Authorization", "Bearer " + LINE_KEYS.token(DEMO_CHANNEL, resident)));
    assertThat(asResident.statusCode()).isEqualTo(401);
    assertThat(send(multipart("/api/demo/admin/applications/" + number + "/attachments", "x.png", photo)).statusCode())
        .isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM attachment a JOIN application p ON p.id = a.application_id "
        + "WHERE p.tenant_id = 'demo' AND p.number = ? AND a.uploaded_by IS NOT NULL", Long.class, number)).isZero();
  }

  @Test
  void shouldRejectABadFileAnUnknownNumberAndAClosedReport() throws Exception {
    String number = report();

    HttpResponse<String> script = staffUpload(ROAD_CLERK, ROAD_PASSWORD, number, "photo.png",
        "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    assertThat(script.statusCode()).isEqualTo(415);
    assertThat(json.readTree(script.body()).get("message").asText()).contains("JPEG");
    assertThat(staffUpload(ROAD_CLERK, ROAD_PASSWORD, "2099-999999", "x.png", RoadDamageReportProcessTests.png())
        .statusCode()).isEqualTo(404);

    String instanceId = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = 'demo' "
        + "AND number = ?", String.class, number);
    tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(),
        Map.of("decision", "reject", "rejectReason", "私有地のため市では対応できません。"));
    BulkyWasteApplications.runJobs(management, instanceId); // the answer is issued, then the report is closed
    assertThat(staffUpload(ROAD_CLERK, ROAD_PASSWORD, number, "x.png", RoadDamageReportProcessTests.png())
        .statusCode()).isEqualTo(409);
  }

  @Test
  void shouldAnswer400WhenTheTriageMergesIntoAReportThatDoesNotExist() throws Exception {
    String number = report();
    String instanceId = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = 'demo' "
        + "AND number = ?", String.class, number);
    String taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

    HttpResponse<String> completed = send(staff(ROAD_CLERK, ROAD_PASSWORD, "/engine-rest/task/" + taskId + "/complete")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
            {"variables": {"decision": {"value": "duplicate"}, "duplicateOf": {"value": "2099-999999"}}}""")));

    assertThat(completed.statusCode()).isEqualTo(400);
    assertThat(completed.body()).contains("duplicateOf", "2099-999999");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
  }

  @Test
  void shouldShowPhotosToAClerkLoggedIntoTasklistButTakeUploadsOnlyFromTheAppsOwnPages() throws Exception {
    String number = report();
    String photoId = jdbc.queryForObject("SELECT a.id::text FROM attachment a JOIN application p ON p.id = a.application_id "
        + "WHERE p.tenant_id = 'demo' AND p.number = ?", String.class, number);
    java.net.CookieManager cookies = new java.net.CookieManager();
    HttpClient tasklist = HttpClient.newBuilder().cookieHandler(cookies).build();
    tasklist.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
    HttpResponse<String> login = tasklist.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + ROAD_CLERK + "&password="
            + java.net.URLEncoder.encode(ROAD_PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);

    HttpResponse<byte[]> image = tasklist.send(HttpRequest.newBuilder(uri("/api/demo/admin/attachments/" + photoId)).GET()
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(tasklist.send(HttpRequest.newBuilder(uri("/api/kita/admin/attachments/" + photoId)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    HttpResponse<String> upload = tasklist.send(multipart("/api/demo/admin/applications/" + number + "/attachments", "x.png",
        RoadDamageReportProcessTests.png()).header("X-XSRF-TOKEN", xsrf).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(upload.statusCode()).as("a change with the session needs the app's own page (C4)").isEqualTo(403);
  }

  /** A report as the LIFF page sends it: the photo first, then the form data; waits for the triage. */
  private String report() throws Exception {
    HttpResponse<String> photo = send(multipart("/api/demo/attachments", "hole.png", RoadDamageReportProcessTests.png())
        .header("Authorization", "Bearer " + LINE_KEYS.token(DEMO_CHANNEL, resident)));
    assertThat(photo.statusCode()).isEqualTo(201);
    String body = """
        {"procedureKey": "road-damage-report", "clientRequestId": "%s", "data": {
          "category": "道路の穴・段差", "dangerous": false, "description": "歩道に穴があります。",
          "photos": ["%s"], "locationAddress": "デモ市中央1-2", "applicantName": "佐藤 一郎", "latitude": 35.681236, "longitude": 139.767125}}"""
        .formatted(UUID.randomUUID(), json.readTree(photo.body()).get("id").asText());
    HttpResponse<String> submitted = send(resident("/api/demo/applications").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String number = json.readTree(submitted.body()).get("applicationNumber").asText();
    BulkyWasteApplications.runJobs(management, jdbc.queryForObject("SELECT process_instance_id FROM application "
        + "WHERE tenant_id = 'demo' AND number = ?", String.class, number));
    return number;
  }

  private HttpResponse<String> staffUpload(String user, String password, String number, String fileName, byte[] content)
      throws Exception {
    return send(multipart("/api/demo/admin/applications/" + number + "/attachments", fileName, content)
        .header("Authorization", basic(user, password)));
  }

  private HttpRequest.Builder multipart(String path, String fileName, byte[] content) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private HttpRequest.Builder resident(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + LINE_KEYS.token(DEMO_CHANNEL, resident));
  }

  private HttpRequest.Builder staff(String user, String password, String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
