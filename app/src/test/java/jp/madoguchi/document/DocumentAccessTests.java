package jp.madoguchi.document;

import static jp.madoguchi.LineIdTokens.DEMO_CHANNEL;
import static jp.madoguchi.LineIdTokens.KITA_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who reaches an issued document: its resident (LIFF ID token), the tenant's staff, and anyone
 * with the verification URL, who learns the metadata and whether a file is the document.
 */
class DocumentAccessTests extends IntegrationTest {

  private static final LineIdTokens LINE_KEYS = LineIdTokens.LINE;
  private static final String BOUNDARY = "----madoguchi-verify-boundary";
  private static final String APPLY = """
      {"procedureKey": "bulky-waste-collection", "clientRequestId": "%%s", "data": {
        "items": [{"name": "ソファ", "size": "L", "quantity": 1}], "applicantName": "山田 花子", "address": "デモ市中央9-8-7",
        "preferredDate1": "%s", "phone": "090-9876-5432"}}""".formatted(TestDates.daysAhead(14));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired ObjectMapper json;
  @Autowired jp.madoguchi.tenant.TenantKeys keys;

  private String resident;
  private String number;
  private JsonNode receipt;

  @BeforeEach
  void applyAndIssueTheReceipt() throws Exception {
    LineIdTokens.publish(LINE, LINE_KEYS);
    resident = LineIdTokens.newUserId();
    HttpResponse<String> submitted = send(request("/api/demo/applications", bearer(DEMO_CHANNEL, resident))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(APPLY.formatted(UUID.randomUUID()))));
    assertThat(submitted.statusCode()).isEqualTo(201);
    number = json.readTree(submitted.body()).get("applicationNumber").asText();
    String instanceId = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = 'demo' "
        + "AND number = ?", String.class, number);
    BulkyWasteApplications.runJobs(management, instanceId);
    JsonNode detail = json.readTree(send(request("/api/demo/applications/" + number, bearer(DEMO_CHANNEL, resident))
        .GET()).body());
    assertThat(detail.get("documents")).hasSize(1);
    receipt = detail.get("documents").get(0);
  }

  @Test
  void shouldListTheReceiptAndLetTheResidentDownloadIt() throws Exception {
    assertThat(receipt.get("title").asText()).isEqualTo("受付票");
    assertThat(receipt.get("issuedAt").asText()).endsWith("+09:00");

    HttpResponse<byte[]> pdf = download("demo", number, bearer(DEMO_CHANNEL, resident));

    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"document_" + number + ".pdf\"")
        .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("受付票_" + number + ".pdf", StandardCharsets.UTF_8));
    assertThat(DocumentLayoutTests.text(pdf.body())).contains("受付票", "デモ市中央9-8-7", number);
  }

  @Test
  void shouldProduceThePdfOnceOnFirstDownloadFromWhatTheStepIssued() throws Exception {
    String id = receipt.get("id").asText();
    assertThat(send(request("/verify/demo/" + id, null).GET()).body()).contains("まだ PDF は作られていません");
    assertThat(jdbc.queryForObject("SELECT content IS NULL AND source IS NOT NULL FROM document WHERE id = ?::uuid",
        Boolean.class, id)).isTrue();
    // the application changes after the receipt was issued (as a correction would): the receipt does not
    jdbc.update("UPDATE application SET payload = ? WHERE tenant_id = 'demo' AND number = ?", keys.encrypt(DEMO,
        "application.payload", "{\"address\": \"デモ市南5-5-5\", \"phone\": \"090-0000-0000\"}"), number);

    byte[] first = download("demo", number, bearer(DEMO_CHANNEL, resident)).body();
    byte[] again = download("demo", number, bearer(DEMO_CHANNEL, resident)).body();

    assertThat(again).isEqualTo(first);
    assertThat(DocumentLayoutTests.text(first)).contains("デモ市中央9-8-7").doesNotContain("デモ市南5-5-5");
    assertThat(jdbc.queryForMap("SELECT sha256, size_bytes, source FROM document WHERE id = ?::uuid", id))
        .containsEntry("sha256", Documents.sha256(first)).containsEntry("size_bytes", first.length)
        .containsEntry("source", null);
    assertThat(send(request("/verify/demo/" + id, null).GET()).body()).contains(Documents.sha256(first));
  }

  @Test
  void shouldAnswer404ToOtherResidentsAndOtherTenants() throws Exception {
    String stranger = LineIdTokens.newUserId();

    assertThat(download("demo", number, bearer(DEMO_CHANNEL, stranger)).statusCode()).isEqualTo(404);
    assertThat(download("kita", number, bearer(KITA_CHANNEL, resident)).statusCode()).isEqualTo(404);
    assertThat(download("demo", "2026-999999", bearer(DEMO_CHANNEL, resident)).statusCode()).isEqualTo(404);
    assertThat(download("demo", number, null).statusCode()).isEqualTo(401);
  }

  @Test
  void shouldLetTheTenantsStaffDownloadIt() throws Exception {
    String id = receipt.get("id").asText();

    assertThat(send(request("/api/demo/admin/documents/" + id, basic("demo-clerk", DEMO_CLERK_PASSWORD)).GET())
        .statusCode()).isEqualTo(200);
    assertThat(send(request("/api/demo/admin/documents/" + id, basic("kita-clerk", KITA_CLERK_PASSWORD)).GET())
        .statusCode()).isEqualTo(403);
    assertThat(send(request("/api/kita/admin/documents/" + id, basic("kita-clerk", KITA_CLERK_PASSWORD)).GET())
        .statusCode()).isEqualTo(404);
  }

  @Test
  void shouldShowTheVerificationPageWithoutPersonalData() throws Exception {
    String id = receipt.get("id").asText();
    byte[] pdf = download("demo", number, bearer(DEMO_CHANNEL, resident)).body();

    HttpResponse<String> page = send(request("/verify/demo/" + id, null).GET());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("デモ市", "受付票", number, Documents.sha256(pdf), "Document verification")
        .doesNotContain("デモ市中央9-8-7", "090-9876-5432", resident);
    assertThat(send(request("/verify/kita/" + id, null).GET()).statusCode()).isEqualTo(404);
    assertThat(send(request("/verify/demo/" + UUID.randomUUID(), null).GET()).statusCode()).isEqualTo(404);
    assertThat(send(request("/verify/demo/not-a-uuid", null).GET()).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldTellWhetherAnUploadedFileIsTheDocument() throws Exception {
    String id = receipt.get("id").asText();
    byte[] pdf = download("demo", number, bearer(DEMO_CHANNEL, resident)).body();
    byte[] changed = pdf.clone();
    changed[changed.length / 3] ^= 0x20;

    assertThat(upload(id, pdf).body()).contains("本物で改ざんされていません", "data-result=\"genuine\"");
    assertThat(upload(id, changed).body()).contains("一致しません", "data-result=\"mismatch\"")
        .doesNotContain("本物で改ざんされていません");
  }

  private HttpResponse<String> upload(String id, byte[] content) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"document.pdf\""
        + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = send(request("/verify/demo/" + id, null)
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  private HttpResponse<byte[]> download(String tenant, String applicationNumber, String authorization)
      throws Exception {
    return HttpClient.newHttpClient().send(request("/api/" + tenant + "/applications/" + applicationNumber
        + "/documents/" + receipt.get("id").asText(), authorization).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  private static String bearer(String channel, String user) {
    return "Bearer " + LINE_KEYS.token(channel, user);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
