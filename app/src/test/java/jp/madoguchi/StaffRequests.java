package jp.madoguchi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP calls as a staff member (HTTP Basic with the Camunda account), the way curl, scripts and Modeler call. */
public final class StaffRequests {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public StaffRequests(int port) {
    this.base = "http://localhost:" + port;
  }

  public record Staff(String id, String password) {
  }

  public HttpResponse<String> get(Staff staff, String path) throws IOException, InterruptedException {
    return send(staff, request(path).GET());
  }

  public HttpResponse<byte[]> download(Staff staff, String path) throws IOException, InterruptedException {
    return http.send(authorized(staff, request(path).GET()).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> post(Staff staff, String path, String json) throws IOException, InterruptedException {
    return send(staff, request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> put(Staff staff, String path, String json) throws IOException, InterruptedException {
    return send(staff, request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> delete(Staff staff, String path) throws IOException, InterruptedException {
    return send(staff, request(path).DELETE());
  }

  /** A multipart upload of one file in the form field {@code file}. */
  public HttpResponse<String> upload(Staff staff, String path, String fileName, byte[] content)
      throws IOException, InterruptedException {
    String boundary = "----madoguchi" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return send(staff, request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A deployment as Camunda Modeler makes it: {@code POST /engine-rest/deployment/create}, multipart. */
  public HttpResponse<String> deploy(Staff staff, String name, String tenantId, java.util.Map<String, byte[]> files)
      throws IOException, InterruptedException {
    String boundary = "----madoguchi" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    part(body, boundary, "deployment-name", null, name.getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "deployment-source", null, "Camunda Modeler".getBytes(StandardCharsets.UTF_8));
    if (tenantId != null) {
      part(body, boundary, "tenant-id", null, tenantId.getBytes(StandardCharsets.UTF_8));
    }
    for (var file : files.entrySet()) {
      part(body, boundary, file.getKey(), file.getKey(), file.getValue());
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(staff, request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void part(java.io.ByteArrayOutputStream out, String boundary, String name, String fileName,
      byte[] content) {
    String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n";
    out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> send(Staff staff, HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(authorized(staff, request).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  private static HttpRequest.Builder authorized(Staff staff, HttpRequest.Builder request) {
    if (staff != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((staff.id() + ":" + staff.password()).getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }
}
