package jp.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.AtOnce;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.ResidentCertificateApplications;
import jp.madoguchi.callback.SignedCallbacks;
import jp.madoguchi.callback.SimulatorCallbacks;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The identity provider's callback over HTTP and the demo provider's page. */
class IdentityCallbackTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignedCallbacks signed;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();
  private ProcessInstance instance;
  private String requestId;
  private String providerRef;

  @BeforeEach
  void awaitIdentity() {
    instance = ResidentCertificateApplications.awaitingIdentity(runtime, management,
        ResidentCertificateApplications.byMail(LineIdTokens.newUserId()));
    requestId = (String) runtime.getVariable(instance.getId(), "identityRequestId");
    providerRef = jdbc.queryForObject("SELECT provider_ref FROM identity_request WHERE id = ?::uuid", String.class,
        requestId);
  }

  @Test
  void shouldAssureTheIdentityThroughTheDemoPageKeepingTheAttributesOutOfTheProcess() throws Exception {
    JsonNode page = json.readTree(send(HttpRequest.newBuilder(uri("/api/demo/demo-identity/" + requestId)).GET()).body());
    assertThat(page.get("status").asText()).isEqualTo("REQUESTED");

    HttpResponse<String> confirmed = send(HttpRequest.newBuilder(uri("/api/demo/demo-identity/" + requestId))
        .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(json.readTree(confirmed.body()).get("status").asText()).isEqualTo("VERIFIED");
    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("Task_ReviewApplication");
    assertThat(runtime.getVariable(instance.getId(), "identityAssuranceLevel")).isEqualTo("demo");
    byte[] attributes = jdbc.queryForObject("SELECT attributes FROM identity_request WHERE id = ?::uuid", byte[].class,
        requestId);
    assertThat(new String(attributes, StandardCharsets.ISO_8859_1))
        .doesNotContain(new String("窓口".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
        .doesNotContain("1990-04-01");
    assertThat(send(HttpRequest.newBuilder(uri("/api/demo/demo-identity/" + requestId))
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(409);
  }

  @Test
  void shouldRefuseAnUnsignedCallbackAndIgnoreARedelivery() throws Exception {
    String body = verified(UUID.randomUUID().toString());
    long events = count();

    assertThat(callback(body, null).statusCode()).isEqualTo(401);
    assertThat(callback(body, signed.sign(DEMO, "payment", bytes(body))).statusCode()).isEqualTo(401);
    assertThat(count()).isEqualTo(events);
    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("Gateway_AwaitIdentity");

    assertThat(result(callback(body, sign(body)))).isEqualTo("APPLIED");
    assertThat(result(callback(body, sign(body)))).isEqualTo("DUPLICATE");
    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("Task_ReviewApplication");
  }

  /** A redelivery sent before the first delivery was answered, and other confirmations at the same moment. */
  @Test
  void shouldApplyOneOfTheConfirmationsAProviderSendsAtTheSameMoment() throws Exception {
    String redelivered = verified(UUID.randomUUID().toString());
    List<String> bodies = List.of(redelivered, redelivered, redelivered, verified(UUID.randomUUID().toString()),
        verified(UUID.randomUUID().toString()));

    List<HttpResponse<String>> answers = AtOnce.sendEach(bodies.stream()
        .<Callable<HttpResponse<String>>>map(body -> () -> callback(body, sign(body))).toList());

    List<String> results = new ArrayList<>();
    for (HttpResponse<String> answer : answers) {
      results.add(result(answer));
    }
    assertThat(results).as("the two redeliveries").filteredOn("DUPLICATE"::equals).hasSize(2);
    assertThat(results).as("one assures the identity").filteredOn("APPLIED"::equals).hasSize(1);
    assertThat(results).as("the others came too late").filteredOn("LATE"::equals).hasSize(2);
    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("Task_ReviewApplication");
    assertThat(jdbc.queryForObject("SELECT status FROM identity_request WHERE id = ?::uuid", String.class, requestId))
        .isEqualTo("VERIFIED");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM callback_event WHERE reference = ?", Long.class, providerRef))
        .isEqualTo(3);
  }

  @Test
  void shouldRecordAConfirmationAfterTheDeadlineAndLeaveTheEndedRequestAlone() throws Exception {
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    String body = verified(UUID.randomUUID().toString());

    assertThat(result(callback(body, sign(body)))).isEqualTo("LATE");

    assertThat(jdbc.queryForObject("SELECT status FROM identity_request WHERE id = ?::uuid", String.class, requestId))
        .isEqualTo("EXPIRED");
    assertThat(jdbc.queryForObject("SELECT attributes FROM identity_request WHERE id = ?::uuid", byte[].class, requestId))
        .isNull();
    assertThat(json.readTree(send(HttpRequest.newBuilder(uri("/api/demo/demo-identity/" + requestId)).GET()).body())
        .get("status").asText()).isEqualTo("EXPIRED");
  }

  private String verified(String eventId) {
    return "{\"eventId\":\"" + eventId + "\",\"requestRef\":\"" + providerRef + "\",\"verified\":true,"
        + "\"attributes\":{\"name\":\"窓口 花子\"}}";
  }

  private String sign(String body) {
    return signed.sign(DEMO, IdentityCallbacks.CHANNEL, bytes(body));
  }

  private String result(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body()).get("result").asText();
  }

  private HttpResponse<String> callback(String body, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/identity/demo/callback"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header(SimulatorCallbacks.SIGNATURE_HEADER, signature);
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private long count() {
    return jdbc.queryForObject("SELECT count(*) FROM callback_event", Long.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
