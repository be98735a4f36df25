package jp.madoguchi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Deploys files through {@code POST /engine-rest/deployment/create} the way Camunda Modeler's "Deploy"
 * button does: multipart with the deployment name and source, the tenant id and one part per file,
 * HTTP Basic with the designer's account.
 */
public final class ModelerDeploy {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ModelerDeploy() {
  }

  /**
   * @param tenantId null to send no tenant-id part
   * @param files file name → content
   */
  public static HttpResponse<String> deploy(int port, String credentials, String name, String tenantId,
      Map<String, byte[]> files) throws IOException, InterruptedException {
    String boundary = "madoguchi-" + UUID.randomUUID();
    ByteArrayOutputStream multipart = new ByteArrayOutputStream();
    part(multipart, boundary, "deployment-name", null, name.getBytes(StandardCharsets.UTF_8));
    part(multipart, boundary, "deployment-source", null, "Camunda Modeler".getBytes(StandardCharsets.UTF_8));
    if (tenantId != null) {
      part(multipart, boundary, "tenant-id", null, tenantId.getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      part(multipart, boundary, file.getKey(), file.getKey(), file.getValue());
    }
    multipart.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void part(ByteArrayOutputStream out, String boundary, String name, String fileName, byte[] content)
      throws IOException {
    String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream") + "\r\n\r\n";
    out.write(header.getBytes(StandardCharsets.UTF_8));
    out.write(content);
    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }
}
