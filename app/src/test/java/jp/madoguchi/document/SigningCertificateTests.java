package jp.madoguchi.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A tenant admin replaces the self-signed signing certificate with one of their own (PKCS#12). */
class SigningCertificateTests extends IntegrationTest {

  private static final String BOUNDARY = "----madoguchi-pkcs12-boundary";
  private static final String KITA_ADMIN_PASSWORD = "Hokubu-Admin-2026!";

  @LocalServerPort int port;
  @Autowired SigningCredentials credentials;
  @Autowired Documents documents;
  @Autowired DocumentLayouts layouts;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldInstallACertificateThatSignsTheTenantsNextDocuments() throws Exception {
    SigningCredential real = SelfSignedCertificates.create(KITA, "北市 文書発行用", Instant.now());

    HttpResponse<String> installed = install("kita", pkcs12(real, "secret"), "secret");

    assertThat(installed.statusCode()).isEqualTo(200);
    JsonNode shown = json.readTree(get("/api/kita/admin/documents/signing-certificate").body());
    assertThat(shown.get("origin").asText()).isEqualTo("INSTALLED");
    assertThat(shown.get("subject").asText()).contains("CN=北市 文書発行用");
    byte[] pdf = documents.produce(KITA, layouts.find("receipt").orElseThrow(), source());
    assertThat(PdfSignatures.valid(pdf, PdfSignatures.read(pdf), real.certificate())).isTrue();
    awaitOperationLog("kita", "signing-certificate.installed", shown.get("sha256Fingerprint").asText());
  }

  /** The operation-log entry of the installation (written by the log's queue shortly after the commit). */
  private void awaitOperationLog(String tenant, String kind, String target) throws InterruptedException {
    long found = 0;
    for (int attempt = 0; attempt < 100 && found == 0; attempt++) {
      Thread.sleep(100);
      found = jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE tenant_id = ? AND category = 'OPERATION' "
          + "AND kind = ? AND target = ? AND actor = 'kita-admin'", Long.class, tenant, kind, target);
    }
    assertThat(found).as("operation log entry " + kind).isOne();
  }

  @Test
  void shouldRefuseAWrongPasswordAndOtherTenants() throws Exception {
    SigningCredential real = SelfSignedCertificates.create(KITA, "北市", Instant.now());
    byte[] file = pkcs12(real, "secret");

    HttpResponse<String> wrong = install("kita", file, "wrong");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("パスワードが違います");
    HttpResponse<String> notPkcs12 = install("kita", "not a key store".getBytes(), "secret");
    assertThat(notPkcs12.statusCode()).isEqualTo(400);
    assertThat(notPkcs12.body()).contains("PKCS#12（.p12 / .pfx）ファイルとして読めません").doesNotContain("null");
    HttpResponse<String> expired = install("kita",
        pkcs12(SelfSignedCertificates.create(KITA, "北市", Instant.now().minus(Duration.ofDays(3660 + 366))), "secret"),
        "secret");
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body()).contains("有効期限が切れています");
    HttpResponse<String> notYetValid = install("kita",
        pkcs12(SelfSignedCertificates.create(KITA, "北市", Instant.now().plus(Duration.ofDays(3))), "secret"), "secret");
    assertThat(notYetValid.body()).contains("有効期間がまだ始まっていません");
    SigningCredential other = SelfSignedCertificates.create(KITA, "北市", Instant.now());
    HttpResponse<String> apart = install("kita",
        pkcs12(new SigningCredential(other.privateKey(), real.chain(), "TEST"), "secret"), "secret");
    assertThat(apart.body()).contains("秘密鍵と証明書が対応していません");
    KeyStore certificateOnly = KeyStore.getInstance("PKCS12");
    certificateOnly.load(null, null);
    certificateOnly.setCertificateEntry("signer", real.certificate());
    ByteArrayOutputStream withoutKey = new ByteArrayOutputStream();
    certificateOnly.store(withoutKey, "secret".toCharArray());
    assertThat(install("kita", withoutKey.toByteArray(), "secret").body()).contains("秘密鍵が入っていません");
    assertThat(install("demo", file, "secret").statusCode()).as("kita-admin for demo").isEqualTo(403);
  }

  private DocumentComposer.Source source() throws Exception {
    String id = UUID.randomUUID().toString();
    ZonedDateTime now = ZonedDateTime.parse("2026-11-26T10:00:00+09:00[Asia/Tokyo]");
    var form = jp.madoguchi.procedure.FormSchema.parse(json.readTree("{\"id\": \"f\", \"components\": []}"));
    return new DocumentComposer.Source(id, documents.verificationUrl(KITA, UUID.fromString(id)), "北市", "手続",
        "2026-000001", now, now, "受付票", json.createObjectNode(), json.createObjectNode(), form, List.of(),
        "機密性2・個人情報");
  }

  private static byte[] pkcs12(SigningCredential credential, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("signer", credential.privateKey(), password.toCharArray(),
        credential.chain().toArray(Certificate[]::new));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password.toCharArray());
    return out.toByteArray();
  }

  private HttpResponse<String> install(String tenant, byte[] file, String password) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"signer.p12\""
        + "\r\nContent-Type: application/x-pkcs12\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + password
        + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri("/api/" + tenant + "/admin/documents/signing-certificate"))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .method("PUT", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    String basic = Base64.getEncoder().encodeToString(("kita-admin:" + KITA_ADMIN_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(request.header("Authorization", "Basic " + basic).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
