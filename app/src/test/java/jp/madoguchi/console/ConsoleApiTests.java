package jp.madoguchi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's server side: its page under a strict CSP, who it says may administer the tenant,
 * and the logout it shares with Camunda's webapps.
 */
class ConsoleApiTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldServeEveryConsolePageUnderAStrictContentSecurityPolicy() throws Exception {
    for (String path : new String[] {"/admin/demo", "/admin/demo/", "/admin/demo/notifications", "/admin/kita/staff"}) {
      HttpResponse<String> page = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).contains("<html lang=\"ja\">", "/admin/assets/").doesNotContain("<script>");
      String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(policy).contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }
    assertThat(http.send(request("/admin/demo/no.such.file").GET().build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(404);
    assertThat(http.send(request("/admin/demo/").PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
  }

  @Test
  void shouldTellWhetherTheSignedInStaffMemberAdministersTheTenant() throws Exception {
    JsonNode admin = console("demo", "demo-admin:" + DEMO_ADMIN_PASSWORD, 200);
    assertThat(admin.get("tenantAdmin").asBoolean()).isTrue();
    assertThat(admin.get("tenantName").asText()).isEqualTo("デモ市");
    assertThat(admin.get("userId").asText()).isEqualTo("demo-admin");

    JsonNode clerk = console("demo", "demo-clerk:" + DEMO_CLERK_PASSWORD, 200);
    assertThat(clerk.get("tenantAdmin").asBoolean()).isFalse();
    assertThat(clerk.get("tenantName").isNull()).isTrue();

    JsonNode otherTenantsAdmin = console("demo", "kita-admin:Hokubu-Admin-2026!", 200);
    assertThat(otherTenantsAdmin.get("tenantAdmin").asBoolean()).isFalse();
    assertThat(otherTenantsAdmin.get("tenantName").isNull()).isTrue();

    // an operator administers no tenant's data; an unknown tenant answers the same (no existence oracle)
    assertThat(console("nowhere", "test-operator:Operator-Pass-2026!", 200).get("tenantAdmin").asBoolean()).isFalse();
    assertThat(console("demo", "test-operator:Operator-Pass-2026!", 200).get("tenantName").isNull()).isTrue();
    HttpResponse<String> anonymous = http.send(request("/api/demo/admin/console")
        .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void shouldLogOutOfTheConsoleAndTasklistTogetherOnlyWhenTheConsoleAsks() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    HttpResponse<String> fresh = browser.send(request("/camunda/api/admin/auth/user/default").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String token = fresh.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = browser.send(request("/camunda/api/admin/auth/user/default/login/welcome")
        .header("X-XSRF-TOKEN", token).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=demo-admin&password="
            + URLEncoder.encode(DEMO_ADMIN_PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(sessionUser(browser)).isEqualTo(200);

    // a cross-site form, or a script of another origin, cannot end the session
    assertThat(browser.send(request("/admin/demo/logout").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(browser.send(request("/admin/demo/logout").header("X-Requested-With", "XMLHttpRequest")
        .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(browser.send(request("/admin/demo/logout").header("X-Requested-With", "XMLHttpRequest")
        .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(sessionUser(browser)).isEqualTo(200);

    HttpResponse<String> logout = browser.send(request("/admin/demo/logout").header("X-Requested-With", "XMLHttpRequest")
        .header("Origin", "http://localhost:" + port).header("Sec-Fetch-Site", "same-origin")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).isEqualTo(204);
    assertThat(sessionUser(browser)).isNotEqualTo(200);
    assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).contains("JSESSIONID");
  }

  /** Camunda's webapp answers who is logged in to the session (200) or nobody. */
  private int sessionUser(HttpClient browser) throws Exception {
    return browser.send(request("/camunda/api/admin/auth/user/default").GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private JsonNode console(String tenant, String credentials, int status) throws Exception {
    HttpResponse<String> response = http.send(request("/api/" + tenant + "/admin/console")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }
}
