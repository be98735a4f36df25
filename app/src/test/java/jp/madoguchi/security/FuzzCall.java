package jp.madoguchi.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One malformed call of a sweep: a JSON body (or none) with the caller's {@code Authorization} (or none). */
record FuzzCall(String method, String path, String authorization, String body) {

  HttpResponse<String> send(HttpClient http, String base) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public String toString() {
    String caller = authorization.isEmpty() ? "anonymous" : authorization.substring(0, authorization.indexOf(' '));
    String shownPath = path.length() > 160 ? path.substring(0, 160) + "…" : path;
    String shownBody = body == null ? "" : " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
    return method + " " + shownPath + " as " + caller + shownBody;
  }
}
