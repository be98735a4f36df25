package jp.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One whole journey of each procedure in tenant {@code demo}, through the same doors people use:
 * the resident's LIFF API (files, application, correction, payment, identity page, documents) and
 * the clerks' Tasklist calls ({@code submit-form}, comments) on {@code /engine-rest}. Every field a
 * person types gets a {@link Markers marker}. Asynchronous steps and the collection reminder run when
 * the journey needs them (the test context has no job executor).
 */
public final class FullJourneys {

  private static final String BOUNDARY = "----madoguchi-journey";
  private static final String CLERK = "demo-clerk";
  private static final Map<String, String> PASSWORDS = Map.of("demo-clerk", "Madoguchi-Clerk-2026!",
      "demo-citizen", "Madoguchi-Citizen-2026!", "demo-road", "Madoguchi-Road-2026!",
      "demo-child", "Madoguchi-Child-2026!", "demo-chief", "Madoguchi-Chief-2026!");

  private final int port;
  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final ObjectMapper json;
  private final Markers markers;
  private final HttpClient http = HttpClient.newHttpClient();
  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  public FullJourneys(int port, JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks,
      ManagementService management, ObjectMapper json, Markers markers) {
    this.port = port;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.json = json;
    this.markers = markers;
  }

  /**
   * Lets the app fetch LINE's key set before the journeys: the tests allow LINE 1 s, which a first
   * fetch on a busy machine can exceed.
   */
  public void fetchLineKeys() throws Exception {
    for (int attempt = 0; attempt < 10; attempt++) {
      HttpResponse<String> mine = http.send(residentRequest(LineIdTokens.newUserId(), "/api/demo/applications").GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      if (mine.statusCode() == 200) {
        return;
      }
    }
    throw new IllegalStateException("The app could not fetch LINE's key set");
  }

  /** Upload, apply, return with a comment, correct, approve, documents, reminder: ended. */
  public String bulkyWaste(String resident) throws Exception {
    ObjectNode data = bulkyWasteData(resident, "L", 1, "bulky applicantName");
    String number = apply(resident, "bulky-waste-collection", data);
    String review = task(number);
    comment(CLERK, review, markers.text("Tasklist comment"));
    submitForm(CLERK, review, Map.of("decision", "return", "returnComment", markers.text("returnComment")));
    ObjectNode corrected = data.deepCopy();
    corrected.put("address", markers.text("corrected address")).put("note", markers.text("corrected note"));
    send(residentRequest(resident, "/api/demo/applications/" + number + "/correction")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"data\": " + corrected + ", \"clientRequestId\": \""
            + UUID.randomUUID() + "\"}")), 200);
    runJobs(number);
    submitForm(CLERK, task(number), Map.of("decision", "approve",
        "collectionDate", markers.date("collectionDate", today.plusDays(90), 20),
        "fee", typed(markers.number("fee", 10_000, 99_999), "Long"),
        "ticketNumber", markers.code("ticketNumber", "TK")));
    runJobs(number);
    management.executeJob(management.createJobQuery().processInstanceId(instance(number)).timers().singleResult().getId());
    runJobs(number);
    openDocuments(resident, number);
    assertEnded(number);
    return number;
  }

  /** A photo and an application: it waits for the clerk's review (an open task in Tasklist). */
  public String openBulkyWaste(String resident) throws Exception {
    return apply(resident, "bulky-waste-collection", bulkyWasteData(resident, "M", 2, "open bulky applicantName"));
  }

  /** A bulky-waste application with a photo the resident uploaded; every value a marker. */
  private ObjectNode bulkyWasteData(String resident, String size, int quantity, String applicantNameMarker)
      throws Exception {
    String photo = upload(resident, markers.text("photo file name") + ".png");
    ObjectNode data = json.createObjectNode();
    data.putArray("items").addObject().put("name", markers.text("items.name")).put("size", size)
        .put("quantity", quantity);
    data.put("applicantName", markers.text(applicantNameMarker)).put("address", markers.text("address"))
        .put("addressDetail", markers.text("addressDetail"))
        .put("preferredDate1", markers.date("preferredDate1", today.plusDays(30), 20))
        .put("preferredDate2", markers.date("preferredDate2", today.plusDays(60), 20))
        .put("phone", markers.phone("phone")).put("note", markers.text("note"));
    data.putArray("photo").add(photo);
    return data;
  }

  /** The clerk approves an open 粗大ごみ review through Tasklist's call, as in {@link #bulkyWaste}. */
  public void approveBulkyWaste(String number) throws Exception {
    submitForm(CLERK, task(number), Map.of("decision", "approve",
        "collectionDate", markers.date("collectionDate", today.plusDays(90), 20),
        "fee", typed(markers.number("fee", 10_000, 99_999), "Long"),
        "ticketNumber", markers.code("ticketNumber", "TK")));
    runJobs(number);
  }

  /** What the resident's page shows of the application (JSON as the LIFF API answers it). */
  public String residentView(String resident, String number) throws Exception {
    return send(residentRequest(resident, "/api/demo/applications/" + number).GET(), 200).body();
  }

  /** Apply, identity page, review, fee paid through the simulator, mailed with a tracking number. */
  public String residentCertificate(String resident) throws Exception {
    ObjectNode data = json.createObjectNode().put("certificateType", "residentRecord").put("scope", "self")
        .put("includeDomicile", false).put("includeRelationship", false).put("copies", 2).put("purpose", "other")
        .put("purposeDetail", markers.text("purposeDetail")).put("applicantName", markers.text("applicantName"))
        .put("birthDate", markers.date("birthDate", LocalDate.of(1950, 1, 1), 3000))
        .put("registeredAddress", markers.text("registeredAddress")).put("phone", markers.phone("phone"))
        .put("delivery", "mail").put("mailingAddress", markers.text("mailingAddress"));
    String number = apply(resident, "resident-certificate", data);
    String requestId = (String) runtime.getVariable(instance(number), "identityRequestId");
    send(HttpRequest.newBuilder(uri("/api/demo/demo-identity/" + requestId)).POST(HttpRequest.BodyPublishers.noBody()), 200);
    submitForm("demo-citizen", task(number), Map.of("decision", "approve"));
    JsonNode payment = detail(resident, number).get("payment");
    String payPath = payment.get("payPath").asText();
    send(HttpRequest.newBuilder(uri("/api/demo/simulated-payments/" + payPath.substring(payPath.lastIndexOf('/') + 1)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"PAID\"}")), 200);
    runJobs(number);
    submitForm("demo-citizen", task(number), Map.of("trackingNumber", markers.code("trackingNumber", "TR")));
    runJobs(number);
    openDocuments(resident, number);
    assertEnded(number);
    return number;
  }

  /** Apply, estimate, review, the chief sends it back with a comment, review again, chief approves. */
  public String childAllowance(String resident) throws Exception {
    ObjectNode data = json.createObjectNode().put("applicantName", markers.text("applicantName"))
        .put("applicantKana", markers.katakana("applicantKana"))
        .put("applicantBirthDate", markers.date("applicantBirthDate", LocalDate.of(1980, 1, 1), 3000))
        .put("address", markers.text("address")).put("phone", markers.phone("phone")).put("hasSpouse", "あり")
        .put("spouseName", markers.text("spouseName")).put("bankName", markers.text("bankName"))
        .put("branchName", markers.text("branchName")).put("accountType", "普通")
        .put("accountNumber", markers.digits("accountNumber", 7))
        .put("accountHolderKana", markers.katakana("accountHolderKana")).put("consent", true);
    data.putArray("children").addObject().put("name", markers.text("children.name"))
        .put("kana", markers.katakana("children.kana"))
        .put("birthDate", markers.date("children.birthDate", today.minusYears(7), 300))
        .put("relationship", "子").put("livingTogether", true);
    String number = apply(resident, "child-allowance", data);
    Map<String, Object> proposal = Map.of("reviewDecision", "approve",
        "monthlyAmount", typed(markers.number("monthlyAmount", 100_000, 999_999), "Long"), "startMonth", "2031-07");
    submitForm("demo-child", task(number), proposal);
    submitForm("demo-chief", task(number), Map.of("chiefDecision", "sendBack", "chiefComment", markers.text("chiefComment")));
    runJobs(number);
    submitForm("demo-child", task(number), proposal);
    submitForm("demo-chief", task(number), Map.of("chiefDecision", "approve"));
    runJobs(number);
    openDocuments(resident, number);
    assertEnded(number);
    return number;
  }

  /** Photos, report, triage, repair started, the clerk's after-photo, repair reported: ended. */
  public String roadDamage(String resident) throws Exception {
    String photo = upload(resident, markers.text("photos file name") + ".png");
    ObjectNode data = json.createObjectNode().put("category", "道路の穴・段差").put("dangerous", true)
        .put("description", markers.text("description")).put("locationAddress", markers.text("locationAddress"))
        .put("applicantName", markers.text("reporter applicantName"))
        .put("latitude", markers.coordinate("latitude", 30, 40)).put("longitude", markers.coordinate("longitude", 130, 140));
    data.putArray("photos").add(photo);
    String number = apply(resident, "road-damage-report", data);
    submitForm("demo-road", task(number), Map.of("decision", "accept"));
    submitForm("demo-road", task(number), Map.of("plannedDate", markers.date("plannedDate", today.plusDays(120), 20)));
    send(multipart("/api/demo/admin/applications/" + number + "/attachments", markers.text("after-photo file name") + ".png")
        .header("Authorization", basic("demo-road")), 201);
    submitForm("demo-road", task(number), Map.of("repairNote", markers.text("repairNote"),
        "repairedDate", markers.date("repairedDate", today.minusDays(300), 20), "afterPhotoUploaded", true));
    runJobs(number);
    openDocuments(resident, number);
    assertEnded(number);
    return number;
  }

  public String instance(String number) {
    return jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = 'demo' AND number = ?",
        String.class, number);
  }

  private String apply(String resident, String procedure, ObjectNode data) throws Exception {
    String body = json.createObjectNode().put("procedureKey", procedure).put("clientRequestId", UUID.randomUUID().toString())
        .set("data", data).toString();
    HttpResponse<String> submitted = send(residentRequest(resident, "/api/demo/applications")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), 201);
    String number = json.readTree(submitted.body()).get("applicationNumber").asText();
    runJobs(number);
    return number;
  }

  private String upload(String resident, String fileName) throws Exception {
    HttpResponse<String> uploaded = send(multipart("/api/demo/attachments", fileName)
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, resident)), 201);
    return json.readTree(uploaded.body()).get("id").asText();
  }

  private void submitForm(String clerk, String taskId, Map<String, Object> values) throws Exception {
    ObjectNode variables = json.createObjectNode();
    values.forEach((name, value) -> variables.set(name, value instanceof ObjectNode typed ? typed
        : json.createObjectNode().set("value", json.valueToTree(value))));
    send(staffRequest(clerk, "/engine-rest/task/" + taskId + "/submit-form").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().set("variables", variables).toString())), 204);
  }

  private void comment(String clerk, String taskId, String message) throws Exception {
    send(staffRequest(clerk, "/engine-rest/task/" + taskId + "/comment/create").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("message", message).toString())), 200);
  }

  private ObjectNode typed(long value, String type) {
    return json.createObjectNode().put("value", value).put("type", type);
  }

  private void openDocuments(String resident, String number) throws Exception {
    for (JsonNode document : detail(resident, number).get("documents")) {
      send(residentRequest(resident, "/api/demo/applications/" + number + "/documents/" + document.get("id").asText())
          .GET(), 200);
    }
  }

  private JsonNode detail(String resident, String number) throws Exception {
    return json.readTree(send(residentRequest(resident, "/api/demo/applications/" + number).GET(), 200).body());
  }

  private String task(String number) {
    Task task = tasks.createTaskQuery().processInstanceId(instance(number)).singleResult();
    assertThat(task).as("the open task of " + number).isNotNull();
    return task.getId();
  }

  private void runJobs(String number) {
    BulkyWasteApplications.runJobs(management, instance(number));
  }

  private void assertEnded(String number) {
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance(number)).count())
        .as("the journey of " + number + " has ended").isZero();
  }

  private HttpRequest.Builder residentRequest(String resident, String path) {
    return HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, resident));
  }

  private HttpRequest.Builder staffRequest(String clerk, String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(clerk));
  }

  private static String basic(String clerk) {
    return "Basic " + Base64.getEncoder().encodeToString((clerk + ":" + PASSWORDS.get(clerk))
        .getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder multipart(String path, String fileName) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(Images.png());
    body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(request.build().uri() + ": " + response.body()).isEqualTo(expected);
    return response;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
