package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff API, the console and Tasklist share the session of Camunda's webapp login. Using it
 * for the staff API must leave it as it is: a new session id per API call (Spring Security's
 * session-fixation protection, meant for a login) made the browser's other calls in flight arrive
 * with the old id and be refused with 401 — the console showed 「ログインの有効期限が切れました」 at
 * random and Tasklist's photo requests could log a clerk out of Tasklist.
 */
class SharedSessionTests extends IntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void shouldKeepTheWebappSessionIdWhenTheStaffApiUsesIt() throws Exception {
    WebappLogin admin = WebappLogin.as(port, "demo-admin", DEMO_ADMIN_PASSWORD);
    String session = admin.sessionId();

    HttpResponse<String> console = admin.browser.send(admin.request("/api/demo/admin/console")
        .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.headers().allValues("Set-Cookie")).as("no new session cookie").noneMatch(cookie ->
        cookie.startsWith("JSESSIONID="));
    assertThat(admin.sessionId()).isEqualTo(session);
    assertThat(withSession(session, "/api/demo/admin/staff")).as("a call sent with the same id right after").isEqualTo(200);
    assertThat(withSession(session, "/camunda/api/admin/auth/user/default")).as("still logged in to Tasklist").isEqualTo(200);
  }

  @Test
  void shouldAnswerConcurrentCallsOfOneSessionAlike() throws Exception {
    WebappLogin admin = WebappLogin.as(port, "demo-admin", DEMO_ADMIN_PASSWORD);
    String session = admin.sessionId();
    for (int round = 0; round < 5; round++) {
      List<CompletableFuture<Integer>> calls = List.of("/api/demo/admin/staff", "/api/demo/admin/departments",
          "/api/demo/admin/console").stream().map(path -> CompletableFuture.supplyAsync(() -> {
            try {
              return withSession(session, path);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          })).toList();
      assertThat(calls.stream().map(CompletableFuture::join).toList()).as("round %d", round).containsOnly(200);
    }
  }

  private int withSession(String session, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
        .header("Cookie", "JSESSIONID=" + session).header("X-Requested-With", "XMLHttpRequest")
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
