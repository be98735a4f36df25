package jp.madoguchi.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 要配慮個人情報 stays out of an export unless the municipality's administrator asks for it, and
 * that choice is in the operation log. A procedure of {@code kita}'s own with its note and a file
 * field labelled sensitive, and one application of it with a document and three files: one in the
 * personal (not sensitive) photo field, one in the sensitive file field, one a clerk added.
 */
class ExportSensitiveFieldsTests extends IntegrationTest {

  private static final String PROCEDURE = "kita-export-consultation";
  private static final String KITA_ADMIN_PASSWORD = "Hokubu-Admin-2026!";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantKeys keys;
  @Autowired ObjectMapper json;
  private String deploymentId;
  private final String number = "KX-" + UUID.randomUUID().toString().substring(0, 8);

  private final UUID applicationId = UUID.randomUUID();

  @AfterEach
  void removeProcedure() {
    jdbc.update("DELETE FROM document WHERE tenant_id = ? AND application_id = ?", KITA, applicationId);
    jdbc.update("DELETE FROM attachment WHERE tenant_id = ? AND application_id = ?", KITA, applicationId);
    jdbc.update("DELETE FROM application WHERE tenant_id = ? AND number = ?", KITA, number);
    if (deploymentId != null) {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void shouldLeaveSensitiveFieldsOutUnlessTheAdministratorAsksForThem() throws Exception {
    deployWithSensitiveNote();
    UUID photo = UUID.randomUUID();
    UUID certificate = UUID.randomUUID();
    UUID clerksFile = UUID.randomUUID();
    UUID document = UUID.randomUUID();
    ObjectNode data = json.createObjectNode().put("applicantName", "Mk北市 申請者").put("note", "Sensitive-Note-42")
        .put("households", 3);
    data.putArray("photo").add(photo.toString());
    data.putArray("medicalCertificate").add(certificate.toString());
    jdbc.update("""
        INSERT INTO application (id, tenant_id, number, procedure_key, process_instance_id, resident_ref, submitted_at,
                                 payload, channel) VALUES (?, ?, ?, ?, ?, 'U-export-test', ?, ?, 'ONLINE')""",
        applicationId, KITA, number, PROCEDURE, "export-test-" + UUID.randomUUID(), Timestamp.from(Instant.now()),
        keys.encrypt(KITA, "application.payload", data.toString()));
    attach(photo, "U-export-test", null);
    attach(certificate, "U-export-test", null);
    attach(clerksFile, null, "kita-admin");
    jdbc.update("""
        INSERT INTO document (id, tenant_id, application_id, process_instance_id, activity_id, layout, title, sha256,
                              size_bytes, content, issued_at) VALUES (?, ?, ?, 'export-test', 'Task_Issue', 'notice', '回答書',
                              ?, 9, ?, now())""", document, KITA, applicationId, "0".repeat(64),
        keys.encryptBytes(KITA, "document.content", "%PDF-test".getBytes(StandardCharsets.US_ASCII)));
    ExportDownloads downloads = new ExportDownloads(port);

    Map<String, byte[]> plain = zip(downloads, "{}");
    JsonNode withoutNote = ExportTests.find(json.readTree(plain.get("applications/applications.json")), number);
    assertThat(withoutNote.get("data").has("note")).isFalse();
    assertThat(withoutNote.get("data").get("applicantName").asText()).isEqualTo("Mk北市 申請者");
    String csv = new String(plain.get("applications/" + PROCEDURE + ".csv"), StandardCharsets.UTF_8);
    assertThat(csv).contains("Mk北市 申請者").doesNotContain("Sensitive-Note-42").doesNotContain(",note");
    JsonNode manifest = json.readTree(plain.get("manifest.json"));
    assertThat(manifest.get("excludedFields").get(PROCEDURE).toString()).contains("\"note\"");
    // a PDF may print any field of its procedure, and a file is as sensitive as the field holding it
    assertThat(plain.keySet()).noneSatisfy(name -> assertThat(name).startsWith("documents/" + number + "/"))
        .contains("attachments/" + number + "/" + photo + "_photo.png")
        .noneSatisfy(name -> assertThat(name).contains(certificate.toString()))
        .noneSatisfy(name -> assertThat(name).contains(clerksFile.toString()));
    assertThat(manifest.get("excludedFiles").get("documents").get(PROCEDURE).asInt()).isEqualTo(1);
    assertThat(manifest.get("excludedFiles").get("attachments").get(PROCEDURE).asInt()).isEqualTo(2);

    Map<String, byte[]> full = zip(downloads, "{\"includeSensitive\": true}");
    JsonNode withNote = ExportTests.find(json.readTree(full.get("applications/applications.json")), number);
    assertThat(withNote.get("data").get("note").asText()).isEqualTo("Sensitive-Note-42");
    assertThat(new String(full.get("applications/" + PROCEDURE + ".csv"), StandardCharsets.UTF_8))
        .contains("Sensitive-Note-42");
    assertThat(full.keySet()).contains("documents/" + number + "/回答書_" + document + ".pdf",
        "attachments/" + number + "/" + photo + "_photo.png", "attachments/" + number + "/" + certificate + "_photo.png",
        "attachments/" + number + "/" + clerksFile + "_photo.png");
    assertThat(json.readTree(full.get("manifest.json")).get("excludedFiles").isEmpty()).isTrue();
    assertThat(jdbc.queryForList("SELECT details FROM audit_entry WHERE tenant_id = ? AND kind = 'export.started'",
        String.class, KITA)).contains("{\"includeSensitive\":\"true\"}");
  }

  private Map<String, byte[]> zip(ExportDownloads downloads, String body) throws Exception {
    String id = downloads.ready(KITA, "kita-admin", KITA_ADMIN_PASSWORD, body);
    var response = downloads.download(KITA, id, "kita-admin", KITA_ADMIN_PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    Thread.sleep(500); // the operation log is written in the background
    return ExportDownloads.entries(response.body());
  }

  private void attach(UUID id, String residentRef, String staff) {
    jdbc.update("""
        INSERT INTO attachment (id, tenant_id, resident_ref, uploaded_by, application_id, file_name_sealed, content_type,
                                size_bytes, content) VALUES (?, ?, ?, ?, ?, ?, 'image/png', 4, ?)""",
        id, KITA, residentRef, staff, applicationId, keys.encrypt(KITA, "attachment.file-name", "photo.png"),
        keys.encryptBytes(KITA, "attachment.content", new byte[] {1, 2, 3, 4}));
  }

  private void deployWithSensitiveNote() throws Exception {
    Path example = Path.of("../examples/add-a-procedure");
    ObjectNode form = (ObjectNode) json.readTree(rekeyed(example.resolve("forms/garbage-station-request/apply.form")));
    for (JsonNode component : form.findParents("key")) {
      if ("note".equals(component.get("key").asText())) {
        ((ObjectNode) component).putObject("properties").put("confidentiality", "3").put("personalData", "sensitive");
      }
    }
    ((com.fasterxml.jackson.databind.node.ArrayNode) form.get("components")).addObject().put("id", "Field_Certificate")
        .put("type", "filepicker").put("key", "medicalCertificate").put("label", "診断書").put("multiple", true)
        .putObject("properties").put("confidentiality", "3").put("personalData", "sensitive");
    deploymentId = repository.createDeployment().name(PROCEDURE).tenantId(KITA)
        .addInputStream(PROCEDURE + ".bpmn", new ByteArrayInputStream(rekeyed(example.resolve("garbage-station-request.bpmn"))
            .replace("name=\"confidentiality\" value=\"2\"", "name=\"confidentiality\" value=\"3\"")
            .replace("name=\"personalData\" value=\"personal\"", "name=\"personalData\" value=\"sensitive\"")
            .getBytes(StandardCharsets.UTF_8)))
        .addInputStream("apply.form", new ByteArrayInputStream(form.toString().getBytes(StandardCharsets.UTF_8)))
        .addInputStream("review.form", new ByteArrayInputStream(rekeyed(example.resolve(
            "forms/garbage-station-request/review.form")).getBytes(StandardCharsets.UTF_8)))
        .deploy().getId();
  }

  private static String rekeyed(Path file) throws java.io.IOException {
    return Files.readString(file).replace("garbage-station-request", PROCEDURE)
        .replace("isExecutable=\"true\"", "isExecutable=\"true\" camunda:isStartableInTasklist=\"false\"");
  }
}
