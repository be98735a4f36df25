package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What outsiders can do to one resident's application through Madoguchi's own endpoints: every POST,
 * PUT, PATCH and DELETE the app maps (found at run time), with the application's number, photo,
 * receipt and notification in its path variables, in デモ市 and in the outsider's own municipality,
 * called by the outsiders of {@link ApiOutsider} with a body of the kind the endpoint reads (a photo
 * for uploads, a correction with new data, a withdrawal, a legal hold, {@code {}} elsewhere). Where
 * the path names the application, each answer must be the one the same request gets about an
 * application that does not exist, so it tells nothing of it; afterwards the application, its rows in Madoguchi's tables and its process are as they
 * were. Own JVM: what the outsiders may do in their own municipality changes it.
 */
@Tag("own-jvm")
class ApiWriteTests extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Endpoint(String method, String pattern, boolean upload) {

    /**
     * Whether the path names the application, its photo, receipt or notification, so that the answer
     * could tell whether they exist. The public verification of a receipt does so by design: whoever
     * holds the document may check it (it shows no personal data, see {@link ApiLeakTests}).
     */
    boolean namesAnApplication() {
      return !pattern.startsWith("/verify/")
          && (pattern.contains("{number}") || pattern.contains("{id}") || pattern.contains("{userId}"));
    }
  }

  @Test
  void shouldLeaveAResidentsApplicationAsItWasWhateverOutsidersSend() throws Exception {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    ResidentApplication filed = ResidentApplication.file(http, port, jdbc, engine.getManagementService());
    // a failed notification is the one its municipality's administrator may send again
    jdbc.update("UPDATE notification_outbox SET status = 'FAILED' WHERE id = ?::uuid", filed.notification());
    ResidentApplication unknown = filed.unknown();
    List<Endpoint> endpoints = writingEndpoints();
    assertThat(endpoints).as("the app's writing endpoints were found").hasSizeGreaterThan(30);
    Map<String, String> before = state(filed);

    List<String> telling = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (Endpoint endpoint : endpoints) {
      for (Map.Entry<String, ApiOutsider> outsider : ApiOutsider.of(filed).entrySet()) {
        for (String tenant : new TreeSet<>(List.of(DEMO, outsider.getValue().tenant()))) {
          int answer = send(endpoint, filed, tenant, outsider.getValue());
          statuses.merge(answer, 1, Integer::sum);
          if (!endpoint.namesAnApplication()) {
            continue;
          }
          int answerForUnknown = send(endpoint, unknown, tenant, outsider.getValue());
          if (answer != answerForUnknown) {
            telling.add(outsider.getKey() + ": " + endpoint.method() + " " + filed.path(endpoint.pattern(), tenant)
                + " → " + answer + " (about an unknown application: " + answerForUnknown + ")");
          }
        }
      }
    }

    System.out.println("ApiWriteTests: " + endpoints.size() + " endpoints, answers to outsiders by status " + statuses);
    assertThat(state(filed)).as("the application after %d kinds of request", endpoints.size()).isEqualTo(before);
    assertThat(telling).as("answers that differ from those about an application that does not exist").isEmpty();
  }

  private List<Endpoint> writingEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
      boolean upload = List.of(mapping.getValue().getMethod().getParameterTypes()).contains(MultipartFile.class);
      for (Object method : mapping.getKey().getMethodsCondition().getMethods()) {
        if (List.of("POST", "PUT", "PATCH", "DELETE").contains(method.toString())) {
          mapping.getKey().getPatternValues().forEach(pattern ->
              endpoints.add(new Endpoint(method.toString(), pattern, upload)));
        }
      }
    }
    endpoints.sort((a, b) -> (a.pattern() + a.method()).compareTo(b.pattern() + b.method()));
    return endpoints;
  }

  private int send(Endpoint endpoint, ResidentApplication application, String tenant, ApiOutsider outsider)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + application.path(endpoint.pattern(), tenant))).timeout(Duration.ofSeconds(30));
    if (endpoint.upload()) {
      String boundary = "----api-write";
      request.header("Content-Type", "multipart/form-data; boundary=" + boundary).method(endpoint.method(),
          HttpRequest.BodyPublishers.ofByteArray(ResidentApplication.multipartPng(boundary)));
    } else {
      request.header("Content-Type", "application/json").method(endpoint.method(),
          HttpRequest.BodyPublishers.ofString(body(endpoint.pattern(), application)));
    }
    if (!outsider.authorization().isEmpty()) {
      request.header("Authorization", outsider.authorization());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** A body of the kind the endpoint reads, naming the application's photo where a form has one. */
  private static String body(String pattern, ResidentApplication application) throws Exception {
    Map<String, Object> body;
    if (pattern.endsWith("/correction")) {
      body = Map.of("clientRequestId", UUID.randomUUID().toString(),
          "data", ResidentApplication.data("書き換え 太郎", "北市書換町1", application.photo()));
    } else if (pattern.endsWith("/withdrawal")) {
      body = Map.of("clientRequestId", UUID.randomUUID().toString());
    } else if (pattern.endsWith("/retention")) {
      body = Map.of("keepUntil", "2060-03-31");
    } else {
      body = Map.of();
    }
    return JSON.writeValueAsString(body);
  }

  /** The application in the engine and each of its rows in Madoguchi's tables. */
  private Map<String, String> state(ResidentApplication filed) {
    Map<String, String> state = new TreeMap<>(EngineState.of(engine, filed.instance()));
    String id = jdbc.queryForObject("SELECT id::text FROM application WHERE process_instance_id = ?", String.class,
        filed.instance());
    state.put("table application", jdbc.queryForList(
        "SELECT md5(to_jsonb(a)::text) FROM application a WHERE id = ?::uuid", String.class, id).toString());
    for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.columns WHERE column_name = "
        + "'application_id' AND table_schema = current_schema() ORDER BY table_name", String.class)) {
      state.put("table " + table, jdbc.queryForList("SELECT md5(to_jsonb(t)::text) FROM " + table
          + " t WHERE application_id = ?::uuid ORDER BY 1", String.class, id).toString());
    }
    return state;
  }
}
