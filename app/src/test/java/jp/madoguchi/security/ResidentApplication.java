package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.Images;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One resident's 粗大ごみ application of デモ市, filed through the LIFF API with a photo, its receipt
 * issued and its notification queued: what the sweeps of Madoguchi's own endpoints
 * ({@link ApiLeakTests}, {@link ApiWriteTests}) aim at.
 */
record ResidentApplication(String resident, String number, String instance, String photo, String receipt,
    String notification, String applicant, String address) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::(?:[^{}]|\\{[^{}]*})*)?}");

  static ResidentApplication file(HttpClient http, int port, JdbcTemplate jdbc, ManagementService management)
      throws Exception {
    String resident = LineIdTokens.newUserId();
    String bearer = "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, resident);
    String boundary = "----resident-application";
    HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/demo/attachments")).header("Authorization", bearer)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipartPng(boundary))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String photo = JSON.readTree(uploaded.body()).get("id").asText();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String applicant = "漏洩 確認" + unique;
    String address = "デモ市漏洩町" + unique;
    String body = JSON.writeValueAsString(Map.of("procedureKey", "bulky-waste-collection",
        "clientRequestId", UUID.randomUUID().toString(), "data", data(applicant, address, photo)));
    HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/demo/applications")).header("Authorization", bearer).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String number = JSON.readTree(submitted.body()).get("applicationNumber").asText();
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = ? AND number = ?",
        String.class, IntegrationTest.DEMO, number);
    for (int round = 0; round < 5; round++) {
      management.createJobQuery().processInstanceId(instance).executable().list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    String receipt = jdbc.queryForObject("SELECT id::text FROM document WHERE process_instance_id = ?", String.class,
        instance);
    String notification = jdbc.queryForObject(
        "SELECT id::text FROM notification_outbox WHERE process_instance_id = ? ORDER BY created_at LIMIT 1",
        String.class, instance);
    return new ResidentApplication(resident, number, instance, photo, receipt, notification, applicant, address);
  }

  /** A bulky-waste form's data as the LIFF page sends it. */
  static Map<String, Object> data(String applicant, String address, String photo) {
    return Map.of("items", List.of(Map.of("name", "ソファ", "size", "L", "quantity", 1)), "address", address,
        "applicantName", applicant, "preferredDate1", TestDates.daysAhead(14), "phone", "090-1234-5678",
        "photo", List.of(photo));
  }

  static byte[] multipartPng(String boundary) {
    ByteArrayOutputStream upload = new ByteArrayOutputStream();
    upload.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sofa.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    upload.writeBytes(Images.png());
    upload.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return upload.toByteArray();
  }

  /** The same kind of application with ids nobody has: what an outsider's answers are compared with. */
  ResidentApplication unknown() {
    String nobody = number.substring(0, number.lastIndexOf('-') + 1) + "999999";
    return new ResidentApplication(LineIdTokens.newUserId(), nobody, UUID.randomUUID().toString(),
        UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(), applicant, address);
  }

  /** What the answer shows that the request did not name (error answers repeat the path). */
  List<String> shownBy(String body, String path) {
    return Stream.of(applicant, address, instance, photo, receipt)
        .filter(value -> body.contains(value) && !path.contains(value)).toList();
  }

  /** The request path of one of the app's mapping patterns about this application in the tenant given. */
  String path(String pattern, String tenant) {
    Matcher matcher = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String before = pattern.substring(0, matcher.start());
      String value = switch (matcher.group(1)) {
        case "tenant", "slug" -> tenant;
        case "number" -> number;
        case "userId" -> resident;
        case "id" -> before.contains("attachments") ? photo
            : before.contains("documents") || before.startsWith("/verify") ? receipt
            : before.contains("notifications") ? notification : instance;
        case "key" -> "bulky-waste-collection";
        case "table" -> "applications";
        default -> UUID.randomUUID().toString();
      };
      matcher.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(path);
    return path.toString().replace("/**", "/x").replace("/*", "/x");
  }
}
