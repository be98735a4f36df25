package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What outsiders learn of one resident's application through Madoguchi's own endpoints: every GET
 * the app maps (found at run time), with the application's number, photo and receipt in its path
 * variables, in デモ市 and in the outsider's own municipality, called by another resident of デモ市, a
 * resident of 北市, a clerk of another department, 北市's administrator and clerk, an operator without
 * a support grant and nobody. No answer may carry the applicant, the address or the ids of the
 * application, its photo or its receipt that the request did not name, and none may hand over a
 * file of it (the public verification page of a receipt excepted, which shows no personal data).
 */
class ApiLeakTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TestFactory
  Stream<DynamicTest> shouldShowOutsidersNothingOfAResidentsApplication() throws Exception {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    ResidentApplication filed = ResidentApplication.file(http, port, jdbc, management);
    Map<String, ApiOutsider> outsiders = ApiOutsider.of(filed);
    Set<String> patterns = new TreeSet<>(Comparator.naturalOrder());
    for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
      Set<?> methods = mapping.getMethodsCondition().getMethods();
      if (methods.isEmpty() || methods.stream().anyMatch(method -> method.toString().equals("GET"))) {
        patterns.addAll(mapping.getPatternValues());
      }
    }
    assertThat(patterns).as("the app's GET endpoints were found").hasSizeGreaterThan(30);
    return patterns.stream().map(pattern -> DynamicTest.dynamicTest("GET " + pattern, () -> {
      List<String> leaks = new ArrayList<>();
      for (Map.Entry<String, ApiOutsider> outsider : outsiders.entrySet()) {
        for (String tenant : new TreeSet<>(List.of("demo", outsider.getValue().tenant()))) {
          String path = filed.path(pattern, tenant);
          HttpResponse<byte[]> answer = get(path, outsider.getValue().authorization());
          String body = new String(answer.body(), StandardCharsets.UTF_8);
          List<String> shown = filed.shownBy(body, path);
          if (!shown.isEmpty() || answer.statusCode() < 300 && isFile(answer) && !pattern.startsWith("/verify/")) {
            leaks.add(outsider.getKey() + ": GET " + path + " → " + answer.statusCode() + " "
                + answer.headers().firstValue("Content-Type").orElse("") + " shows " + shown);
          }
        }
      }
      assertThat(leaks).as("GET " + pattern + ": answers that show the application").isEmpty();
    }));
  }

  private static boolean isFile(HttpResponse<byte[]> answer) {
    String type = answer.headers().firstValue("Content-Type").orElse("");
    return type.startsWith("image/") || type.startsWith("application/pdf") || type.startsWith("application/octet")
        || answer.headers().firstValue("Content-Disposition").isPresent();
  }

  private HttpResponse<byte[]> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30)).GET();
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
