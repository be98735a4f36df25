package jp.madoguchi.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A browser's login to one of Camunda's webapps: the session cookie and the CSRF token, as the webapp uses them. */
final class WebappLogin {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  final HttpClient browser;

  private WebappLogin(int port) {
    this.base = "http://localhost:" + port;
    this.browser = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  static WebappLogin as(int port, String user, String password) throws Exception {
    return as(port, user, password, "tasklist");
  }

  /** @param app {@code tasklist}, {@code cockpit} or {@code admin} */
  static WebappLogin as(int port, String user, String password, String app) throws Exception {
    WebappLogin login = new WebappLogin(port);
    login.browser.send(login.request("/camunda/app/" + app + "/default/").GET().build(), HttpResponse.BodyHandlers.discarding());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response = login.browser.send(login.request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("X-XSRF-TOKEN", login.xsrfToken()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(app + " login failed: " + response.statusCode() + " " + response.body());
    }
    // the login starts a new session; its CSRF token comes with the next answer
    login.whoAmI();
    return login;
  }

  String origin() {
    return base;
  }

  String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
  }

  /** The session cookie's value now (the session id the browser would send). */
  String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
  }

  /** Who the webapp says is logged in: 200 while the session lasts. */
  int whoAmI() throws Exception {
    return browser.send(request("/camunda/api/admin/auth/user/default").GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }
}
