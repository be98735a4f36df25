package jp.madoguchi.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.FullJourneys;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.Markers;
import jp.madoguchi.audit.AuditChainVerifier;
import jp.madoguchi.audit.AuditCheckpoint;
import jp.madoguchi.department.DepartmentDirectory;
import jp.madoguchi.document.SigningCredentials;
import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The export at contract end, end to end: a whole journey in {@code demo}, then its administrator's
 * export: the ZIP holds the application in clear (JSON and CSV), its documents and files, both logs
 * and the procedures, and a manifest whose hashes match and whose signature verifies with the
 * tenant's document key (in Java and with the documented openssl command); the file on disk is sealed.
 */
class ExportTests extends IntegrationTest {

  private static final Set<String> UNLISTED = Set.of("manifest.json", "manifest.json.p7s", "signing-certificate.pem");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ObjectMapper json;
  @Autowired SigningCredentials signing;
  @Autowired ExportProperties properties;
  @Autowired AuditChainVerifier chains;
  @Autowired DepartmentDirectory departmentNames;
  @Autowired TenantKeys keys;

  @Test
  void shouldExportEverythingOfTheTenantInOneZipWithASignedManifest() throws Exception {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    FullJourneys journeys = new FullJourneys(port, jdbc, runtime, tasks, management, json, new Markers());
    journeys.fetchLineKeys();
    String number = journeys.bulkyWaste(LineIdTokens.newUserId());
    ExportDownloads downloads = new ExportDownloads(port);
    departmentNames.name(DEMO, "waste-section", "環境課 ごみ減量係", "demo-admin");

    String id;
    try {
      id = downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{}");
    } finally {
      departmentNames.removeName(DEMO, "waste-section", "demo-admin");
    }
    var response = downloads.download(DEMO, id, "demo-admin", DEMO_ADMIN_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    Map<String, byte[]> zip = ExportDownloads.entries(response.body());
    JsonNode applications = json.readTree(zip.get("applications/applications.json"));
    JsonNode application = find(applications, number);
    assertThat(application.get("procedureKey").asText()).isEqualTo("bulky-waste-collection");
    assertThat(application.get("data").get("address").asText()).startsWith("Mk");
    String csv = new String(zip.get("applications/bulky-waste-collection.csv"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF申請番号").contains(number).contains(application.get("data").get("address").asText());
    assertThat(zip.keySet()).anySatisfy(name -> assertThat(name).startsWith("documents/" + number + "/").endsWith(".pdf"));
    assertThat(zip.entrySet()).filteredOn(entry -> entry.getKey().startsWith("documents/"))
        .allSatisfy(entry -> assertThat(new String(entry.getValue(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-"));
    assertThat(zip.keySet()).anySatisfy(name -> assertThat(name).startsWith("attachments/" + number + "/").endsWith(".png"));
    assertThat(new String(zip.get("logs/access-log.csv"), StandardCharsets.UTF_8)).contains("demo-clerk");
    assertThat(new String(zip.get("logs/operation-log.csv"), StandardCharsets.UTF_8)).contains("export.started");
    assertThat(zip.keySet()).anySatisfy(name -> assertThat(name).startsWith("procedures/").endsWith("/bulky-waste-collection.bpmn"));
    assertThat(zip.keySet()).anySatisfy(name -> assertThat(name).startsWith("procedures/").endsWith(".dmn"));
    assertThat(zip.keySet()).anySatisfy(name -> assertThat(name).startsWith("procedures/").endsWith("/apply.form"));
    JsonNode departments = json.readTree(zip.get("organisation/departments.json"));
    assertThat(departments.findValuesAsText("id")).contains("waste-section", "child-section", "resident-linking")
        .doesNotContain("tenant-admin", "child-section-chief");
    assertThat(departments.findValuesAsText("name")).contains("環境課 ごみ減量係");
    JsonNode staff = json.readTree(zip.get("organisation/staff.json"));
    assertThat(staff.findValuesAsText("id")).contains("demo-admin", "demo-clerk", "demo-chief")
        .doesNotContain("demo-operator");
    JsonNode chief = StreamSupport.stream(staff.spliterator(), false)
        .filter(member -> "demo-chief".equals(member.get("id").asText())).findFirst().orElseThrow();
    assertThat(chief.has("lastName")).isTrue();
    assertThat(chief.has("email")).isTrue();
    assertThat(chief.get("chiefOf").get(0).asText()).isEqualTo("child-section");
    assertThat(new String(zip.get("organisation/staff.json"), StandardCharsets.UTF_8)).doesNotContainIgnoringCase("password")
        .doesNotContain("Madoguchi-");

    JsonNode manifest = json.readTree(zip.get("manifest.json"));
    assertThat(manifest.get("tenant").asText()).isEqualTo(DEMO);
    assertThat(manifest.get("counts").get("applications").asLong()).isPositive();
    assertThat(manifest.get("counts").get("staff").asInt()).isEqualTo(staff.size());
    assertThat(manifest.get("staffNames").asBoolean()).isTrue();
    ExportDownloads.assertHashesMatch(manifest, zip);
    // the log's head at export time, signed with the manifest: the live chain must still hold it
    JsonNode head = manifest.get("auditChainHead");
    assertThat(head.get("seq").asLong()).isPositive();
    assertThat(chains.verify(DEMO, new AuditCheckpoint(head.get("seq").asLong(), head.get("hash").asText())).checkpoint()
        .result()).isEqualTo("match");
    assertChainRecomputesToTheHead(manifest, zip);
    Set<String> listed = new HashSet<>(manifest.findValuesAsText("path"));
    assertThat(zip.keySet()).allSatisfy(name -> assertThat(listed.contains(name) || UNLISTED.contains(name)).as(name).isTrue());
    var certificate = ExportDownloads.certificate(zip.get("signing-certificate.pem"));
    assertThat(certificate).isEqualTo(signing.forTenant(DEMO).certificate());
    assertThat(ExportDownloads.signatureValid(zip.get("manifest.json"), zip.get("manifest.json.p7s"), certificate)).isTrue();
    byte[] tampered = new String(zip.get("manifest.json"), StandardCharsets.UTF_8).replace(number, "R0-000000")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(ExportDownloads.signatureValid(tampered, zip.get("manifest.json.p7s"), certificate)).isFalse();
    assertOpensslVerifies(zip, tampered);

    byte[] onDisk = Files.readAllBytes(properties.directory().resolve(id + ".zip"));
    assertThat(new String(onDisk, 0, 2, StandardCharsets.ISO_8859_1)).isNotEqualTo("PK");
    assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("bulky-waste-collection").doesNotContain(number);
    JsonNode shown = json.readTree(downloads.show(DEMO, id, "demo-admin", DEMO_ADMIN_PASSWORD).body());
    assertThat(shown.get("downloadedBy").asText()).isEqualTo("demo-admin");
    assertThat(shown.get("downloadCount").asInt()).isEqualTo(1);
    assertThat(operationLog(DEMO, id)).containsExactly("export.started", "export.downloaded");
  }

  /**
   * The records the purge destroys are in the ZIP: the tasks, comments and variables the engine kept
   * of an application, its notifications and payments; another municipality's never, whatever the
   * export holds. Without 要配慮個人情報: no free text, no variable without a non-sensitive label.
   */
  @Test
  void shouldExportTheEngineAndResidentRecordsOfTheTenantOnly() throws Exception {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    Markers markers = new Markers();
    FullJourneys journeys = new FullJourneys(port, jdbc, runtime, tasks, management, json, markers);
    journeys.fetchLineKeys();
    String number = journeys.bulkyWaste(LineIdTokens.newUserId());
    String clerksComment = markers.all().stream().filter(marker -> marker.field().equals("Tasklist comment"))
        .findFirst().orElseThrow().value();
    String kitaNumber = kitaApplication();
    String kitaInstance = instanceOf(KITA, kitaNumber);
    String kitaComment = "Kita-Comment-" + UUID.randomUUID();
    tasks.createComment(tasks.createTaskQuery().processInstanceId(kitaInstance).singleResult().getId(), kitaInstance,
        kitaComment);
    String demoPayment = "Demo-Payment-" + UUID.randomUUID();
    String kitaPayment = "Kita-Payment-" + UUID.randomUUID();
    try {
      payment(DEMO, number, demoPayment);
      payment(KITA, kitaNumber, kitaPayment);
      ExportDownloads downloads = new ExportDownloads(port);
      Map<String, byte[]> full = ExportDownloads.entries(downloads.download(DEMO,
          downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{\"includeSensitive\": true}"), "demo-admin",
          DEMO_ADMIN_PASSWORD).body());

      JsonNode review = only(full, "applications/tasks.json", number, "step", "Task_ReviewApplication").get(0);
      assertThat(review.get("candidateGroups").toString()).contains("waste-section");
      assertThat(review.has("assignee")).isTrue();
      assertThat(review.get("endedAt").asText()).isNotBlank();
      assertThat(review.get("outcome").asText()).isEqualTo("completed");
      List<JsonNode> clerksComments = only(full, "applications/comments.json", number, "text", clerksComment);
      // Tasklist comments on the task only (no process instance id): the instance's comments do not hold it
      assertThat(clerksComments).hasSize(1);
      JsonNode comment = clerksComments.get(0);
      assertThat(comment.get("author").asText()).isEqualTo("demo-clerk");
      assertThat(comment.get("step").asText()).isEqualTo("Task_ReviewApplication");
      assertThat(only(full, "applications/variables.json", number, "name", "decision")).isNotEmpty();
      assertThat(only(full, "applications/variables.json", number, "name", "informationLabel")).isNotEmpty();
      assertThat(only(full, "applications/variables.json", number, "name", "applicantName")).isEmpty();
      assertThat(only(full, "applications/payments.json", number, "description", demoPayment)).hasSize(1);
      assertThat(new String(full.get("applications/payments.json"), StandardCharsets.UTF_8)).doesNotContain("payUrl");
      assertThat(json.readTree(full.get("applications/notifications.json")).findValues("application").stream()
          .map(JsonNode::asText)).contains(number);
      assertThat(json.readTree(full.get("applications/notifications.json")).findValues("text")).isNotEmpty();
      JsonNode manifest = json.readTree(full.get("manifest.json"));
      ExportDownloads.assertHashesMatch(manifest, full);
      assertThat(manifest.findValuesAsText("path")).contains("applications/tasks.json", "applications/comments.json",
          "applications/variables.json", "applications/payments.json", "applications/identity-requests.json",
          "applications/notifications.json");
      // numbers count per municipality (kita's may equal demo's): its instance id, comment and payment tell
      full.forEach((name, content) -> assertThat(new String(content, StandardCharsets.UTF_8)).as(name)
          .doesNotContain(kitaComment).doesNotContain(kitaPayment).doesNotContain(kitaInstance));

      Map<String, byte[]> plain = ExportDownloads.entries(downloads.download(DEMO,
          downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{}"), "demo-admin", DEMO_ADMIN_PASSWORD).body());
      assertThat(only(plain, "applications/comments.json", number, "author", "demo-clerk")).isNotEmpty()
          .allSatisfy(withoutText -> assertThat(withoutText.has("text")).isFalse());
      assertThat(only(plain, "applications/variables.json", number, "name", "decision")).isNotEmpty();
      assertThat(only(plain, "applications/variables.json", number, "name", "informationLabel")).isEmpty();
      assertThat(new String(plain.get("applications/payments.json"), StandardCharsets.UTF_8)).doesNotContain(demoPayment)
          .contains(number);
      assertThat(json.readTree(plain.get("applications/notifications.json")).findValues("text")).isEmpty();
      JsonNode plainManifest = json.readTree(plain.get("manifest.json"));
      assertThat(plainManifest.get("excludedVariables").get("bulky-waste-collection").toString())
          .contains("\"informationLabel\"");
      assertThat(plainManifest.get("excludedTexts").toString()).contains("applications/comments.json: text");
    } finally {
      jdbc.update("DELETE FROM payment WHERE provider = 'export-test'");
    }
  }

  /**
   * A task's candidate groups are asked per batch of applications; a task with several keeps them
   * all, in the order they were added.
   */
  @Test
  void shouldExportEveryCandidateGroupOfATaskInTheOrderTheyWereAdded() throws Exception {
    String number = kitaApplication();
    String review = tasks.createTaskQuery().processInstanceId(instanceOf(KITA, number)).singleResult().getId();
    tasks.addCandidateGroup(review, "tenant-admin");
    ExportDownloads downloads = new ExportDownloads(port);
    Map<String, byte[]> zip = ExportDownloads.entries(downloads.download(KITA,
        downloads.ready(KITA, "kita-admin", "Hokubu-Admin-2026!", "{}"), "kita-admin", "Hokubu-Admin-2026!").body());

    List<JsonNode> exported = only(zip, "applications/tasks.json", number, "taskId", review);
    assertThat(exported).hasSize(1);
    assertThat(exported.get(0).get("candidateGroups").toString()).isEqualTo("[\"waste-section\",\"tenant-admin\"]");
  }

  private List<JsonNode> only(Map<String, byte[]> zip, String path, String number, String field, String value)
      throws Exception {
    return StreamSupport.stream(json.readTree(zip.get(path)).spliterator(), false)
        .filter(element -> number.equals(element.get("application").asText()))
        .filter(element -> element.hasNonNull(field) && value.equals(element.get(field).asText())).toList();
  }

  private String instanceOf(String tenant, String number) {
    return jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = ? AND number = ?",
        String.class, tenant, number);
  }

  private void payment(String tenant, String number, String description) {
    jdbc.update("""
        INSERT INTO payment (id, tenant_id, application_id, process_instance_id, amount, description_sealed, status,
                             provider, provider_ref, pay_url, created_at, updated_at)
        SELECT ?, tenant_id, id, process_instance_id, 300, ?, 'REQUESTED', 'export-test', ?, 'https://pay.example/secret',
               now(), now() FROM application WHERE tenant_id = ? AND number = ?""",
        UUID.randomUUID(), keys.encrypt(tenant, "payment.description", description), UUID.randomUUID().toString(),
        tenant, number);
  }

  /** A resident of kita applies for bulky waste; the application waits for its clerk. */
  private String kitaApplication() throws Exception {
    ObjectNode data = json.createObjectNode().put("applicantName", "北 太郎").put("address", "北市中央1-1")
        .put("preferredDate1", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(30).toString()).put("phone", "090-1111-2222");
    data.putArray("items").addObject().put("name", "ソファ").put("size", "L").put("quantity", 1);
    String body = json.createObjectNode().put("procedureKey", "bulky-waste-collection")
        .put("clientRequestId", UUID.randomUUID().toString()).set("data", data).toString();
    HttpResponse<String> applied = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + port + "/api/kita/applications"))
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(LineIdTokens.KITA_CHANNEL, LineIdTokens.newUserId()))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    String number = json.readTree(applied.body()).get("applicationNumber").asText();
    BulkyWasteApplications.runJobs(management, instanceOf(KITA, number));
    return number;
  }

  /**
   * From the ZIP alone: every line of {@code logs/audit-chain.jsonl} follows the one before (the
   * first follows the manifest's anchor) and hashes, as the README describes, to its hash; the last
   * is the manifest's {@code auditChainHead}. Then the README's shell procedure says the same.
   */
  private void assertChainRecomputesToTheHead(JsonNode manifest, Map<String, byte[]> zip) throws Exception {
    String previous = manifest.get("auditChainAnchor").get("hash").asText();
    long seq = manifest.get("auditChainAnchor").get("seq").asLong();
    String[] lines = new String(zip.get("logs/audit-chain.jsonl"), StandardCharsets.UTF_8).split("\n");
    for (String text : lines) {
      JsonNode line = json.readTree(text);
      assertThat(line.get("seq").asLong()).isEqualTo(seq + 1);
      assertThat(line.get("prevHash").asText()).isEqualTo(previous);
      var sha256 = java.security.MessageDigest.getInstance("SHA-256");
      sha256.update(java.util.HexFormat.of().parseHex(previous));
      for (String field : List.of("version", "tenantId", "seq", "occurredAtMicros", "category", "kind", "actor",
          "sourceAddress", "method", "route", "status", "durationMs", "applicationNumber", "personalDataRead", "target",
          "details")) {
        JsonNode value = line.get(field);
        byte[] bytes = value.isNull() ? null
            : (value.isTextual() ? value.asText() : value.toString()).getBytes(StandardCharsets.UTF_8);
        sha256.update((bytes == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha256.update(bytes == null ? new byte[0] : bytes);
      }
      previous = java.util.HexFormat.of().formatHex(sha256.digest());
      assertThat(previous).as("entry " + (seq + 1)).isEqualTo(line.get("hash").asText());
      seq++;
    }
    assertThat(lines.length).isEqualTo(manifest.get("counts").get("auditEntries").asInt()).isPositive();
    assertThat(seq).isEqualTo(manifest.get("auditChainHead").get("seq").asLong());
    assertThat(previous).isEqualTo(manifest.get("auditChainHead").get("hash").asText());
    assertThat(new String(zip.get("logs/audit-chain.jsonl"), StandardCharsets.UTF_8))
        .containsPattern("\"occurredAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+09:00\"");
    assertShellRecomputes(manifest, zip);
  }

  /** The README's procedure with jq, xxd and coreutils, run on the real files. */
  private static void assertShellRecomputes(JsonNode manifest, Map<String, byte[]> zip) throws Exception {
    requireTool("jq", "jq");
    requireTool("xxd", "xxd");
    Path folder = Files.createTempDirectory("export-chain");
    Files.createDirectories(folder.resolve("logs"));
    Files.write(folder.resolve("manifest.json"), zip.get("manifest.json"));
    Files.write(folder.resolve("logs/audit-chain.jsonl"), zip.get("logs/audit-chain.jsonl"));
    Process process = new ProcessBuilder("bash", "-c", """
        prev=$(jq -r .auditChainAnchor.hash manifest.json)
        jq -r '[.seq, .prevHash, .hash, ([.version, .tenantId, .seq, .occurredAtMicros, .category, .kind, .actor,
            .sourceAddress, .method, .route, .status, .durationMs, .applicationNumber, .personalDataRead, .target,
            .details] | map(if . == null then "-1:" else tostring | "\\(utf8bytelength):\\(.)" end) | join("")
            | @base64)] | @tsv' logs/audit-chain.jsonl |
        while IFS=$'\\t' read -r seq prev_hash hash canonical; do
          next=$({ printf %s "$prev" | xxd -r -p; printf %s "$canonical" | base64 -d; } | sha256sum | cut -c1-64)
          if [ "$prev_hash" != "$prev" ] || [ "$next" != "$hash" ]; then echo "broken at $seq"; break; fi
          prev=$next; echo "$seq $hash"
        done | tail -n 1
        """).directory(folder.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor()).isZero();
    JsonNode head = manifest.get("auditChainHead");
    assertThat(output).isEqualTo(head.get("seq").asLong() + " " + head.get("hash").asText());
  }

  /** The kinds of the tenant's operation-log entries about this target, once the log writer has written them. */
  List<String> operationLog(String tenant, String target) throws InterruptedException {
    List<String> kinds = List.of();
    for (int attempt = 0; attempt < 100 && kinds.size() < 2; attempt++) {
      Thread.sleep(100);
      kinds = jdbc.queryForList("SELECT kind FROM audit_entry WHERE tenant_id = ? AND category = 'OPERATION' "
          + "AND target = ? ORDER BY seq", String.class, tenant, target);
    }
    return kinds;
  }

  /** The command the README gives, run on the real files; a changed manifest fails it. */
  private static void assertOpensslVerifies(Map<String, byte[]> zip, byte[] tampered) throws Exception {
    requireTool("openssl", "openssl");
    Path folder = Files.createTempDirectory("export-verify");
    for (String name : UNLISTED) {
      Files.write(folder.resolve(name), zip.get(name));
    }
    assertThat(openssl(folder)).isZero();
    Files.write(folder.resolve("manifest.json"), tampered);
    assertThat(openssl(folder)).isNotZero();
  }

  /** A tool the README's verification commands use: missing, the test fails and says what to install. */
  private static void requireTool(String tool, String debianPackage) {
    assertThat(Path.of("/usr/bin", tool)).as("%s is missing: apt-get install -y %s (.ci/run does)", tool, debianPackage)
        .isExecutable();
  }

  private static int openssl(Path folder) throws Exception {
    Process process = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
        "manifest.json.p7s", "-content", "manifest.json", "-CAfile", "signing-certificate.pem", "-purpose", "any",
        "-out", "/dev/null").directory(folder.toFile()).redirectErrorStream(true).start();
    process.getInputStream().transferTo(System.out);
    return process.waitFor();
  }

  static JsonNode find(JsonNode applications, String number) {
    for (JsonNode application : applications) {
      if (number.equals(application.get("number").asText())) {
        return application;
      }
    }
    throw new AssertionError(number + " not in the export");
  }
}
