package jp.madoguchi;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Staff requests as clients send them: HTTP Basic (curl, Modeler, scripts) and Camunda's webapp
 * login with its session and CSRF token (Tasklist). {@code forwardedFor} puts the request behind a
 * trusted proxy (the test client is on loopback, which {@code MADOGUCHI_TRUSTED_PROXIES} trusts by default).
 */
public final class StaffHttp {

  private final int port;
  private final HttpClient client = HttpClient.newHttpClient();

  public StaffHttp(int port) {
    this.port = port;
  }

  public HttpResponse<String> basic(String method, String path, String user, String password, String jsonBody,
      String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path).method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
          .getBytes(StandardCharsets.UTF_8)));
    }
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(client, request.build());
  }

  /** A browser with a cookie jar, logged in (or not) to Tasklist. */
  public Browser browser(String forwardedFor) {
    return new Browser(forwardedFor);
  }

  public final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String forwardedFor;

    Browser(String forwardedFor) {
      this.forwardedFor = forwardedFor;
    }

    public HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
      return login(user, password, "");
    }

    /** A sign-in whose login URL carries {@code query} (e.g. {@code ?username=other}) besides the form. */
    public HttpResponse<String> login(String user, String password, String query) throws IOException, InterruptedException {
      send(client, with(request("/camunda/app/tasklist/default/")).GET().build());
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8);
      return send(client, with(request("/camunda/api/admin/auth/user/default/login/tasklist" + query))
          .header("X-XSRF-TOKEN", xsrf()).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Signs in to Tasklist and opens a page, which brings the new session's CSRF token. */
    public void signIn(String user, String password) throws IOException, InterruptedException {
      HttpResponse<String> login = login(user, password);
      if (login.statusCode() != 200) {
        throw new IllegalStateException("Tasklist login failed: " + login.statusCode() + " " + login.body());
      }
      get("/camunda/api/admin/auth/user/default");
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return send(client, with(request(path)).GET().build());
    }

    /** A JSON request to the webapps' own REST API, with the session's CSRF token, as Tasklist sends it. */
    public HttpResponse<String> call(String method, String path, String jsonBody)
        throws IOException, InterruptedException {
      return StaffHttp.send(client, with(request(path)).header("X-XSRF-TOKEN", xsrf())
          .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody))
          .build());
    }

    public HttpResponse<String> get(String path, String otherForwardedFor) throws IOException, InterruptedException {
      return send(client, request(path).header("X-Forwarded-For", otherForwardedFor).GET().build());
    }

    private HttpRequest.Builder with(HttpRequest.Builder request) {
      return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
    }

    private String xsrf() {
      return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
