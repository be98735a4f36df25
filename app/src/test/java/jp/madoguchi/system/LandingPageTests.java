package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class LandingPageTests extends IntegrationTest {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldTellANewcomerWhereEachRoleGoes() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/camunda/app/tasklist/", "/camunda/app/cockpit/", "/camunda/app/admin/", "職員");
    assertThat(page.body()).as("the 責任者's console, where staff, allow-list, logs and statistics are")
        .contains("管理コンソール", "<code>/admin/自治体の識別名/</code>")
        .as("operators change no staff account").doesNotContain("Admin で職員アカウント");
  }

  @Test
  void shouldOfferNoDemoLinksOrAccountsWithASeedFileOfItsOwn() throws Exception {
    // the tests name their own seed file and a LINE stand-in: no demo seed, no simulator
    String page = get("/").body();

    assertThat(page).contains("LINE 公式アカウントのメニュー").doesNotContain("/liff/demo/", "/line-simulator/",
        "demo-clerk", "Madoguchi-Clerk-2026!", "{{demoAccounts}}", "<!--demo-->");
  }

  @Test
  void shouldReportHealthWithoutLogin() throws Exception {
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void shouldKeepCamundasFirstAdminSetupShut() throws Exception {
    HttpResponse<String> setup = http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/setup/default/user/create"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(setup.statusCode()).isEqualTo(403);
  }

  @Test
  void shouldNotExposeUnknownPaths() throws Exception {
    assertThat(get("/actuator/env").statusCode()).isIn(403, 404);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
