package jp.madoguchi.perimeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Plain HTTP from another machine, on a real Tomcat with the app's proxy settings (RemoteIpValve,
 * loopback trusted): the test's requests come from loopback, and {@code X-Forwarded-For} makes them
 * a client elsewhere that the trusted proxy forwarded, over TLS or not as {@code X-Forwarded-Proto} says.
 */
@SpringBootTest(classes = PlainHttpRefusalTests.Web.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.forward-headers-strategy=native", "spring.main.banner-mode=off"})
class PlainHttpRefusalTests {

  private static final String PUBLIC_URL = "https://madoguchi.example.jp";
  private static final String ELSEWHERE = "203.0.113.5";

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldServeThisMachineOverPlainHttp() throws Exception {
    HttpResponse<String> response = send(request("/engine-rest/task").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("served");
  }

  @Test
  void shouldServeAnotherMachineWhoseProxySaysTls() throws Exception {
    HttpResponse<String> response = send(request("/engine-rest/task").header("X-Forwarded-For", ELSEWHERE)
        .header("X-Forwarded-Proto", "https").POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldSendAPageAskedForOverPlainHttpToThePublicHttpsAddress() throws Exception {
    HttpResponse<String> response = send(request("/camunda/app/tasklist/default/?searchQuery=x")
        .header("X-Forwarded-For", ELSEWHERE).GET());

    assertThat(response.statusCode()).isEqualTo(308);
    assertThat(response.headers().firstValue("Location"))
        .hasValue(PUBLIC_URL + "/camunda/app/tasklist/default/?searchQuery=x");
    assertThat(response.body()).doesNotContain("served");
  }

  @Test
  void shouldRefuseAPlainHttpRequestWithABodyFromAnotherMachine() throws Exception {
    HttpResponse<String> response = send(request("/engine-rest/task").header("X-Forwarded-For", ELSEWHERE)
        .header("X-Forwarded-Proto", "http").header("Authorization", "Basic ZGVtby1jbGVyazp4")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("application/json"));
    assertThat(response.body()).contains("暗号化されていない接続").contains(PUBLIC_URL).doesNotContain("served");
    // The access log records the kind after the chain returns, which may be after the client has the answer.
    await().atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(Web.loggedKinds).contains("POST /engine-rest/task refused.plain-http"));
  }

  @Test
  void shouldLeaveTheHealthCheckToLoadBalancersOverPlainHttp() throws Exception {
    HttpResponse<String> response = send(request("/actuator/health").header("X-Forwarded-For", ELSEWHERE).GET());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldNotTakeAPathThatOnlyStartsLikeTheHealthCheckForIt() throws Exception {
    for (String path : List.of("/actuator/health/../../engine-rest/task", "/actuator/healthy",
        "/actuator/health;x=1/../../engine-rest/task")) {
      HttpResponse<String> response = send(request(path).header("X-Forwarded-For", ELSEWHERE)
          .POST(HttpRequest.BodyPublishers.ofString("{}")));

      assertThat(response.statusCode()).as(path).isEqualTo(403);
    }
  }

  @Test
  void shouldRequireTlsWhenThePublicAddressIsHttpsUnlessTurnedOff() {
    assertThat(TlsRequirement.of(null, PUBLIC_URL).required()).isTrue();
    assertThat(TlsRequirement.of(null, "http://localhost:8080").required()).isFalse();
    assertThat(TlsRequirement.of(null, "").required()).isFalse();
    assertThat(TlsRequirement.of(false, PUBLIC_URL).required()).isFalse();
    assertThatThrownBy(() -> TlsRequirement.of(true, "http://madoguchi.example.jp"))
        .hasMessageContaining("MADOGUCHI_PUBLIC_URL");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Not a {@code @SpringBootConfiguration}: the other tests of this package would take it for the app's. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class,
      EmbeddedWebServerFactoryCustomizerAutoConfiguration.class})
  static class Web {

    /** What the access log, which runs before the refusal, was told of each request's kind. */
    static final List<String> loggedKinds = new CopyOnWriteArrayList<>();

    @Bean
    FilterRegistrationBean<Filter> accessLog() {
      FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
        chain.doFilter(request, response);
        HttpServletRequest http = (HttpServletRequest) request;
        loggedKinds.add(http.getMethod() + " " + http.getRequestURI() + " " + http.getAttribute("madoguchi.access.kind"));
      });
      registration.setOrder(-200);
      return registration;
    }

    @Bean
    FilterRegistrationBean<PlainHttpRefusal> plainHttpRefusal() {
      FilterRegistrationBean<PlainHttpRefusal> registration = new FilterRegistrationBean<>(new PlainHttpRefusal(PUBLIC_URL));
      registration.setOrder(-190);
      return registration;
    }

    @Bean
    ServletRegistrationBean<HttpServlet> served() {
      return new ServletRegistrationBean<>(new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
          response.getWriter().write("served");
        }
      }, "/*");
    }
  }
}
