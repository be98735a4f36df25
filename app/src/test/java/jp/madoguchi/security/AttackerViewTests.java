package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.StaffRequests.Staff;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacker's view, end to end over HTTP as the outside sees the app: two tenants (demo, kita), two
 * departments (waste-section, citizen-section), each staff role, residents with LINE ID tokens signed
 * by the local LINE key set, and forged ones. A resident files 粗大ごみ through the LIFF API with a
 * photo; then everybody who should not see it tries to.
 */
class AttackerViewTests extends IntegrationTest {

  private static final Staff WASTE_CLERK = new Staff("demo-clerk", DEMO_CLERK_PASSWORD);
  private static final Staff CITIZEN_CLERK = new Staff("demo-citizen", "Madoguchi-Citizen-2026!");
  private static final Staff CHILD_CHIEF = new Staff("demo-chief", "Madoguchi-Chief-2026!");
  private static final Staff LINKING_CHIEF = new Staff("demo-linking-chief", "Madoguchi-Linking-2026!");
  private static final Staff DEMO_ADMIN = new Staff("demo-admin", DEMO_ADMIN_PASSWORD);
  private static final Staff KITA_ADMIN = new Staff("kita-admin", "Hokubu-Admin-2026!");
  private static final Staff KITA_CLERK = new Staff("kita-clerk", KITA_CLERK_PASSWORD);
  private static final Staff OPERATOR = new Staff("test-operator", "Operator-Pass-2026!");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  private StaffRequests http;
  private String resident;
  private Filed filed;

  record Filed(String number, String processInstanceId, String taskId, String photo, String receipt) {
  }

  @BeforeEach
  void aResidentFilesAnApplicationWithAPhoto() throws Exception {
    http = new StaffRequests(port);
    LINE.resetAll();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    resident = LineIdTokens.newUserId();
    String photo = json.readTree(residentUpload(LineIdTokens.LINE, LineIdTokens.DEMO_CHANNEL, resident).body())
        .get("id").asText();
    HttpResponse<String> submitted = residentSubmit(LineIdTokens.LINE, LineIdTokens.DEMO_CHANNEL, resident, photo);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String number = json.readTree(submitted.body()).get("applicationNumber").asText();
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = ? AND number = ?",
        String.class, DEMO, number);
    for (int round = 0; round < 5; round++) {
      management.createJobQuery().processInstanceId(instance).executable().list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    String task = json.readTree(http.get(WASTE_CLERK, "/engine-rest/task?processInstanceId=" + instance).body())
        .get(0).get("id").asText();
    String receipt = jdbc.queryForObject("SELECT id::text FROM document WHERE process_instance_id = ?", String.class,
        instance);
    filed = new Filed(number, instance, task, photo, receipt);
  }

  @AfterEach
  void noSupportGrantOutlivesTheTest() {
    jdbc.update("UPDATE support_grant SET expires_at = now() - interval '1 second' WHERE ended_at IS NULL");
  }

  @Test
  void residentsReachOnlyTheirOwnApplicationAndOnlyWithAGenuineToken() throws Exception {
    LineIdTokens forger = new LineIdTokens(LineIdTokens.LINE.key().getKeyID());
    String stranger = LineIdTokens.newUserId();

    assertThat(residentGet(forger, LineIdTokens.DEMO_CHANNEL, resident, "/api/demo/applications").statusCode())
        .as("a token signed with another key under LINE's key id").isEqualTo(401);
    assertThat(residentGet(LineIdTokens.LINE, LineIdTokens.KITA_CHANNEL, resident, "/api/demo/applications")
        .statusCode()).as("a token for kita's LINE Login channel").isEqualTo(401);
    assertThat(residentGet(LineIdTokens.LINE, LineIdTokens.DEMO_CHANNEL, stranger, "/api/demo/applications/"
        + filed.number()).statusCode()).isEqualTo(404);
    assertThat(residentGet(LineIdTokens.LINE, LineIdTokens.DEMO_CHANNEL, stranger, "/api/demo/attachments/"
        + filed.photo()).statusCode()).isEqualTo(404);
    assertThat(residentGet(LineIdTokens.LINE, LineIdTokens.KITA_CHANNEL, resident, "/api/kita/applications/"
        + filed.number()).statusCode()).isEqualTo(404);
    assertThat(residentGet(LineIdTokens.LINE, LineIdTokens.DEMO_CHANNEL, resident, "/api/demo/applications/"
        + filed.number()).body()).contains("090-1234-5678");
  }

  @Test
  void anotherDepartmentsClerkAndChiefSeeNothingOfIt() throws Exception {
    for (Staff outsider : List.of(CITIZEN_CLERK, CHILD_CHIEF)) {
      String who = outsider.id();
      assertThat(http.get(outsider, "/engine-rest/task?processInstanceId=" + filed.processInstanceId()).body())
          .as(who).isEqualTo("[]");
      assertThat(http.get(outsider, "/engine-rest/history/variable-instance?variableName=phone&processInstanceId="
          + filed.processInstanceId()).body()).as(who).isEqualTo("[]");
      assertThat(http.get(outsider, "/engine-rest/history/detail?processInstanceId=" + filed.processInstanceId())
          .body()).as(who).isEqualTo("[]");
      assertThat(http.get(outsider, "/engine-rest/process-instance/" + filed.processInstanceId() + "/variables")
          .statusCode()).as(who).isEqualTo(404);
      assertThat(http.download(outsider, "/api/demo/admin/attachments/" + filed.photo()).statusCode()).as(who)
          .isEqualTo(404);
      assertThat(http.download(outsider, "/api/demo/admin/documents/" + filed.receipt()).statusCode()).as(who)
          .isEqualTo(404);
      assertThat(http.upload(outsider, "/api/demo/admin/applications/" + filed.number() + "/attachments", "x.png",
          png()).statusCode()).as(who).isEqualTo(404);
    }
    assertThat(http.download(WASTE_CLERK, "/api/demo/admin/attachments/" + filed.photo()).statusCode()).isEqualTo(200);
    assertThat(http.get(WASTE_CLERK, "/engine-rest/history/variable-instance?processInstanceId="
        + filed.processInstanceId()).body()).contains("090-1234-5678");
  }

  @Test
  void theDepartmentDecidesButCannotRewriteTheApplication() throws Exception {
    String task = "/engine-rest/task/" + filed.taskId();

    assertThat(http.put(WASTE_CLERK, task + "/variables/address", "{\"value\": \"別の住所\"}").statusCode())
        .isEqualTo(403);
    assertThat(http.put(DEMO_ADMIN, "/engine-rest/process-instance/" + filed.processInstanceId()
        + "/variables/phone", "{\"value\": \"000\"}").statusCode()).isEqualTo(403);
    assertThat(http.post(WASTE_CLERK, task + "/complete", """
        {"variables": {"decision": {"value": "reject"}, "rejectReason": {"value": "対象外です。"},
          "address": {"value": "別の住所"}}}""").statusCode()).isEqualTo(400);
    assertThat(http.post(WASTE_CLERK, task + "/complete", """
        {"variables": {"decision": {"value": "reject"}, "rejectReason": {"value": "対象外です。"}}}""").statusCode())
        .isEqualTo(204);
    assertThat(residentGet(LineIdTokens.LINE, LineIdTokens.DEMO_CHANNEL, resident, "/api/demo/applications/"
        + filed.number()).body()).contains("デモ市中央1-2-3").doesNotContain("別の住所");
  }

  @Test
  void staffFileInAResidentsNameOnlyAsTheDepartmentsLinkingClerks() throws Exception {
    String start = "/engine-rest/process-definition/key/bulky-waste-collection/start";
    String inTheResidentsName = """
        {"variables": {
          "items": {"type": "Json", "value": "[{\\"name\\":\\"ソファ\\",\\"size\\":\\"L\\",\\"quantity\\":1}]"},
          "address": {"value": "デモ市中央1-2-3"}, "applicantName": {"value": "山田 花子"}, "preferredDate1": {"value": "%s"},
          "phone": {"value": "090-1234-5678"}, "residentRef": {"value": "%s"}}}""".formatted(TestDates.daysAhead(14), resident);

    // the department's clerk without the linking permission, the tenant admin and the operator may start the
    // procedure but not in a resident's name; a chief of another department (even with the linking permission)
    // does not see the procedure at all
    for (Staff staff : List.of(WASTE_CLERK, DEMO_ADMIN, OPERATOR)) {
      assertThat(http.post(staff, start, inTheResidentsName).statusCode()).as(staff.id()).isEqualTo(403);
    }
    for (Staff staff : List.of(LINKING_CHIEF, CHILD_CHIEF)) {
      assertThat(http.post(staff, start, inTheResidentsName).statusCode()).as(staff.id()).isEqualTo(404);
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE resident_ref = ?", Long.class, resident))
        .isOne();
  }

  @Test
  void anotherTenantGetsTheAnswerOfAnUnknownId() throws Exception {
    for (Staff kita : List.of(KITA_ADMIN, KITA_CLERK)) {
      for (String call : List.of("/claim", "/variables", "/form-variables", "")) {
        String path = "/engine-rest/task/%s" + call;
        HttpResponse<String> existing = call.equals("/claim")
            ? http.post(kita, path.formatted(filed.taskId()), "{\"userId\": \"" + kita.id() + "\"}")
            : http.get(kita, path.formatted(filed.taskId()));
        HttpResponse<String> unknown = call.equals("/claim")
            ? http.post(kita, path.formatted(UUID.randomUUID()), "{\"userId\": \"" + kita.id() + "\"}")
            : http.get(kita, path.formatted(UUID.randomUUID()));
        assertThat(existing.statusCode()).as(kita.id() + call).isEqualTo(404).isEqualTo(unknown.statusCode());
        assertThat(existing.body()).as(kita.id() + call).isEqualTo(unknown.body());
      }
      assertThat(http.get(kita, "/engine-rest/history/variable-instance?processInstanceId="
          + filed.processInstanceId()).body()).isEqualTo("[]");
      assertThat(http.download(kita, "/api/demo/admin/attachments/" + filed.photo()).statusCode()).isEqualTo(403);
      assertThat(http.download(kita, "/api/kita/admin/attachments/" + filed.photo()).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theOperatorSeesItOnlyWhileTheTenantAdminsSupportGrantLasts() throws Exception {
    String variables = "/engine-rest/history/variable-instance?processInstanceId=" + filed.processInstanceId();
    assertThat(http.get(OPERATOR, variables).body()).isEqualTo("[]");
    assertThat(http.download(OPERATOR, "/api/demo/admin/attachments/" + filed.photo()).statusCode()).isEqualTo(403);

    HttpResponse<String> grant = http.post(DEMO_ADMIN, "/api/demo/admin/support-grants",
        "{\"operatorId\": \"test-operator\", \"hours\": 1, \"reason\": \"住民からの問い合わせの調査\"}");
    assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);
    assertThat(http.get(OPERATOR, variables).body()).contains("090-1234-5678");
    assertThat(http.download(OPERATOR, "/api/demo/admin/attachments/" + filed.photo()).statusCode()).isEqualTo(200);

    assertThat(http.delete(DEMO_ADMIN, "/api/demo/admin/support-grants/" + json.readTree(grant.body()).get("id")
        .asText()).statusCode()).isEqualTo(204);
    assertThat(http.get(OPERATOR, variables).body()).isEqualTo("[]");
    assertThat(http.download(OPERATOR, "/api/demo/admin/attachments/" + filed.photo()).statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> residentSubmit(LineIdTokens issuer, String channel, String user, String photo)
      throws Exception {
    String body = """
        {"procedureKey": "bulky-waste-collection", "clientRequestId": "%s", "data": {
          "items": [{"name": "ソファ", "size": "L", "quantity": 1}], "address": "デモ市中央1-2-3",
          "applicantName": "山田 花子", "preferredDate1": "%s", "phone": "090-1234-5678", "photo": ["%s"]}}"""
        .formatted(UUID.randomUUID(), TestDates.daysAhead(14), photo);
    return http.send(null, http.request("/api/demo/applications").header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + issuer.token(channel, user)).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> residentUpload(LineIdTokens issuer, String channel, String user) throws Exception {
    String boundary = "----attacker-view";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sofa.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(head);
    body.write(png());
    body.write(tail);
    return http.send(null, http.request("/api/demo/attachments")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Bearer " + issuer.token(channel, user))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpResponse<String> residentGet(LineIdTokens issuer, String channel, String user, String path)
      throws Exception {
    return http.send(null, http.request(path).header("Authorization", "Bearer " + issuer.token(channel, user)).GET());
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
