package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jp.madoguchi.IntegrationTest;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Camunda's webapps open a session for every request under {@code /camunda/}, logged in or not. Fails
 * on the code before: every such session was kept for 30 minutes, so one client dropping its cookies
 * (3,000 requests a second from one wrk client here) made the server keep 44,788 sessions after 15 s.
 */
class SessionsBeforeLoginTests extends IntegrationTest {

  private static final int MAX_WITHOUT_LOGIN = 10_000;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired ServletWebServerApplicationContext context;

  @Test
  void shouldKeepAVisitorsSessionTenMinutesAndAClerksThirtyAfterTheLogin() throws Exception {
    String visitor = anonymousSession("/camunda/app/tasklist/default/");
    WebappLogin clerk = WebappLogin.as(port, "demo-clerk", DEMO_CLERK_PASSWORD);

    assertThat(sessions().findSession(visitor).getMaxInactiveInterval()).isEqualTo(600);
    assertThat(sessions().findSession(clerk.sessionId()).getMaxInactiveInterval()).isEqualTo(1800);
  }

  @Test
  void shouldEndTheOldestSessionsWithoutLoginWhenAClientOpensMoreThanTheLimit() throws Exception {
    WebappLogin clerk = WebappLogin.as(port, "demo-clerk", DEMO_CLERK_PASSWORD);
    String oldest = anonymousSession("/camunda/app/tasklist/default/");

    AtomicInteger failed = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 8; i++) {
      clients.submit(() -> {
        while (next.getAndIncrement() < MAX_WITHOUT_LOGIN + 100) {
          try {
            if (anonymousSession("/camunda/app/tasklist/scripts/config.js") == null) {
              failed.incrementAndGet();
            }
          } catch (Exception e) {
            failed.incrementAndGet();
          }
        }
      });
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

    assertThat(failed).as("requests without a session cookie in the answer").hasValue(0);
    assertThat(sessions().findSession(oldest)).as("the oldest session without login").isNull();
    assertThat(Arrays.stream(sessions().findSessions())
        .filter(session -> jp.madoguchi.staff.WebappLogin.userId(session.getSession()).isEmpty()).count())
        .isLessThanOrEqualTo(MAX_WITHOUT_LOGIN);
    assertThat(clerk.whoAmI()).as("the logged-in clerk").isEqualTo(200);
  }

  @Test
  void shouldMarkTheSessionCookieHttpOnlySameSiteLaxOnceAndSecureBehindTls() throws Exception {
    HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/camunda/app/tasklist/default/")).header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.5")
        .GET().build(), HttpResponse.BodyHandlers.discarding());

    String cookie = response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("JSESSIONID="))
        .findFirst().orElseThrow();
    assertThat(cookie.split(";")).extracting(String::strip).contains("Secure", "HttpOnly", "Path=/")
        .containsOnlyOnce("SameSite=Lax");
  }

  @Test
  void shouldMarkTasklistsCsrfTokenCookieSecureBehindTlsButNotOnPlainLocalHttp() throws Exception {
    String behindTls = tokenCookie(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/camunda/app/tasklist/default/")).header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.5"));
    String plain = tokenCookie(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/")));

    assertThat(behindTls.split(";")).extracting(String::strip).containsOnlyOnce("Secure");
    assertThat(plain.split(";")).extracting(String::strip).doesNotContain("Secure");
  }

  private static String tokenCookie(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.discarding()).headers().allValues("Set-Cookie")
        .stream().filter(value -> value.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
  }

  /** The id of the session a request without cookies was given. */
  private String anonymousSession(String path) throws Exception {
    HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
        .build(), HttpResponse.BodyHandlers.discarding());
    return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
        .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'))).findFirst().orElse(null);
  }

  private Manager sessions() {
    Context webapp = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
    return webapp.getManager();
  }
}
