package jp.madoguchi.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/** Starts an export over HTTP, waits for it, downloads it and reads the ZIP; verifies a manifest. */
public final class ExportDownloads {

  private final int port;
  private final Duration wait;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  public ExportDownloads(int port) {
    this(port, Duration.ofMinutes(2));
  }

  /** @param wait how long an export may run before it counts as not finishing */
  public ExportDownloads(int port, Duration wait) {
    this.port = port;
    this.wait = wait;
  }

  public HttpResponse<String> start(String tenant, String user, String password, String body) throws Exception {
    return http.send(request("/api/" + tenant + "/admin/exports", user, password)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> show(String tenant, String id, String user, String password) throws Exception {
    return http.send(request("/api/" + tenant + "/admin/exports/" + id, user, password).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Downloads with the given extra headers (name, value, ...), e.g. those a browser adds. */
  public HttpResponse<byte[]> download(String tenant, String id, String user, String password, String... headers)
      throws Exception {
    HttpRequest.Builder request = request("/api/" + tenant + "/admin/exports/" + id + "/download", user, password);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Starts an export and waits until it is ready; returns its id. */
  public String ready(String tenant, String user, String password, String body) throws Exception {
    JsonNode state = finished(tenant, user, password, body);
    assertThat(state.get("status").asText()).as(state.toString()).isEqualTo("READY");
    return state.get("id").asText();
  }

  /** Starts an export and waits until it is no longer running; returns how it ended. */
  public JsonNode finished(String tenant, String user, String password, String body) throws Exception {
    HttpResponse<String> started = start(tenant, user, password, body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    return awaitFinished(tenant, json.readTree(started.body()).get("id").asText(), user, password);
  }

  /** Waits until the export is no longer running; returns how it ended. */
  public JsonNode awaitFinished(String tenant, String id, String user, String password) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode state = json.readTree(show(tenant, id, user, password).body());
      if (!"RUNNING".equals(state.get("status").asText())) {
        return state;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Export " + id + " did not finish");
  }

  public static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  /** Whether the detached CMS signature over the manifest verifies with the certificate shipped beside it. */
  public static boolean signatureValid(byte[] manifest, byte[] signature, X509Certificate certificate) {
    try {
      CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), signature);
      SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
    } catch (Exception e) {
      return false;
    }
  }

  public static X509Certificate certificate(byte[] pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))
        .iterator().next();
  }

  /** Every file the manifest lists has that SHA-256 and size. */
  public static void assertHashesMatch(JsonNode manifest, Map<String, byte[]> entries) throws Exception {
    for (JsonNode file : manifest.get("files")) {
      byte[] content = entries.get(file.get("path").asText());
      assertThat(content).as(file.get("path").asText()).isNotNull();
      assertThat(content.length).isEqualTo(file.get("size").asLong());
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
          .isEqualTo(file.get("sha256").asText());
    }
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }
}
