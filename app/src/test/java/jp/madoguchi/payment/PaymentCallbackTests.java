package jp.madoguchi.payment;

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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The provider's callback over HTTP: authenticated, idempotent, and harmless when late. */
class PaymentCallbackTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignedCallbacks signed;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();
  private String resident;
  private ProcessInstance instance;
  private String providerRef;

  @BeforeEach
  void awaitPayment() {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    resident = LineIdTokens.newUserId();
    instance = ResidentCertificateApplications.awaitingPayment(runtime, tasks, management,
        ResidentCertificateApplications.byMail(resident));
    providerRef = jdbc.queryForObject("SELECT provider_ref FROM payment WHERE process_instance_id = ?", String.class,
        instance.getId());
  }

  @Test
  void shouldRefuseAMissingOrWrongSignatureAndWriteNothing() throws Exception {
    String body = event(UUID.randomUUID().toString(), "PAID");
    long events = count("SELECT count(*) FROM callback_event");

    assertThat(callback(DEMO, body, null).statusCode()).isEqualTo(401);
    assertThat(callback(DEMO, body, "bm90IHRoZSBzaWduYXR1cmU=").statusCode()).isEqualTo(401);
    assertThat(callback(DEMO, body, "not base64 at all!").statusCode()).isEqualTo(401);
    // signed with the other tenant's secret, or over another body
    assertThat(callback(DEMO, body, signed.sign(KITA, PaymentCallbacks.CHANNEL, bytes(body))).statusCode()).isEqualTo(401);
    assertThat(callback(DEMO, body, signed.sign(DEMO, PaymentCallbacks.CHANNEL, bytes(body + " "))).statusCode())
        .isEqualTo(401);

    assertThat(count("SELECT count(*) FROM callback_event")).isEqualTo(events);
    assertThat(paymentStatus()).isEqualTo("REQUESTED");
    assertThat(waitingAt()).contains("Gateway_AwaitPayment");
  }

  @Test
  void shouldRefuseAnEventIdLongerThanItsColumnWithA400AndWriteNothing() throws Exception {
    String body = event("e".repeat(200), "PAID");
    long events = count("SELECT count(*) FROM callback_event");

    HttpResponse<String> refused = callback(DEMO, body, sign(body));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("128");
    assertThat(count("SELECT count(*) FROM callback_event")).isEqualTo(events);
    assertThat(paymentStatus()).isEqualTo("REQUESTED");
  }

  @Test
  void shouldMoveTheProcessOnAPaidCallbackAndIgnoreItsRedelivery() throws Exception {
    String body = event(UUID.randomUUID().toString(), "PAID");

    HttpResponse<String> first = callback(DEMO, body, sign(body));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(json.readTree(first.body()).get("result").asText()).isEqualTo("APPLIED");
    assertThat(paymentStatus()).isEqualTo("PAID");
    assertThat(waitingAt()).contains("Task_IssueApprovalNotice");
    long outbox = count("SELECT count(*) FROM notification_outbox");

    HttpResponse<String> again = callback(DEMO, body, sign(body));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json.readTree(again.body()).get("result").asText()).isEqualTo("DUPLICATE");
    assertThat(count("SELECT count(*) FROM notification_outbox")).isEqualTo(outbox);
    assertThat(paymentStatus()).isEqualTo("PAID");
    assertThat(waitingAt()).contains("Task_IssueApprovalNotice");
  }

  /**
   * A provider that redelivers an event before the first delivery was answered, while another event
   * (paid, or failed) for the same payment arrives: one of them settles the payment, the rest change nothing.
   */
  @Test
  void shouldApplyOneOfTheCallbacksAProviderSendsAtTheSameMoment() throws Exception {
    String redelivered = event(UUID.randomUUID().toString(), "PAID");
    List<String> bodies = List.of(redelivered, redelivered, redelivered,
        event(UUID.randomUUID().toString(), "FAILED"), event(UUID.randomUUID().toString(), "PAID"));

    List<HttpResponse<String>> answers = AtOnce.sendEach(bodies.stream()
        .<Callable<HttpResponse<String>>>map(body -> () -> callback(DEMO, body, sign(body))).toList());

    assertThat(AtOnce.statuses(answers)).as(answers.toString()).containsOnly(200);
    List<String> results = new ArrayList<>();
    for (HttpResponse<String> answer : answers) {
      results.add(json.readTree(answer.body()).get("result").asText());
    }
    assertThat(results).as("the two redeliveries").filteredOn("DUPLICATE"::equals).hasSize(2);
    assertThat(results).as("one settles the payment").filteredOn("APPLIED"::equals).hasSize(1);
    assertThat(results).as("the others came too late").filteredOn("LATE"::equals).hasSize(2);
    assertThat(count("SELECT count(*) FROM callback_event WHERE tenant_id = 'demo' AND reference = '" + providerRef + "'"))
        .isEqualTo(3);
    if (paymentStatus().equals("PAID")) {
      assertThat(waitingAt()).containsExactly("Task_IssueApprovalNotice");
    } else {
      assertThat(paymentStatus()).isEqualTo("FAILED");
      assertThat(count("SELECT count(*) FROM payment WHERE process_instance_id = '" + instance.getId()
          + "' AND status = 'REQUESTED'")).as("one new payment requested").isEqualTo(1);
      assertThat(waitingAt()).containsExactly("Gateway_AwaitPayment");
    }
  }

  @Test
  void shouldRequestANewPaymentAfterAFailedCallback() throws Exception {
    String body = event(UUID.randomUUID().toString(), "FAILED");

    assertThat(callback(DEMO, body, sign(body)).statusCode()).isEqualTo(200);

    assertThat(paymentStatus()).isEqualTo("FAILED");
    assertThat(count("SELECT count(*) FROM payment WHERE process_instance_id = '" + instance.getId()
        + "' AND status = 'REQUESTED'")).isEqualTo(1);
    assertThat(waitingAt()).contains("Gateway_AwaitPayment");
  }

  @Test
  void shouldRecordAPaymentThatArrivesAfterTheDeadlineWithoutMovingAnything() throws Exception {
    String timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getId();
    management.executeJob(timer);
    assertThat(paymentStatus()).isEqualTo("EXPIRED");
    String eventId = UUID.randomUUID().toString();
    String body = event(eventId, "PAID");

    HttpResponse<String> late = callback(DEMO, body, sign(body));

    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(json.readTree(late.body()).get("result").asText()).isEqualTo("LATE");
    assertThat(paymentStatus()).isEqualTo("EXPIRED");
    assertThat(jdbc.queryForObject("SELECT result FROM callback_event WHERE tenant_id = 'demo' AND event_id = ?",
        String.class, eventId)).isEqualTo("LATE");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void shouldPayThroughTheSimulatorAndShowTheFeeThenTheReceiptToTheResident() throws Exception {
    String number = instance.getBusinessKey();
    JsonNode requested = json.readTree(resident("/api/demo/applications/" + number).body()).get("payment");
    assertThat(requested.get("amount").asInt()).isEqualTo(600);
    assertThat(requested.get("status").asText()).isEqualTo("REQUESTED");
    String payPath = requested.get("payPath").asText();
    assertThat(payPath).startsWith("/liff/demo/pay/");
    String paymentId = payPath.substring(payPath.lastIndexOf('/') + 1);
    JsonNode page = json.readTree(send(HttpRequest.newBuilder(uri("/api/demo/simulated-payments/" + paymentId)).GET())
        .body());
    assertThat(page.get("description").asText()).isEqualTo("住民票の写し 2通の交付手数料");

    HttpResponse<String> paid = send(HttpRequest.newBuilder(uri("/api/demo/simulated-payments/" + paymentId))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"PAID\"}")));

    assertThat(paid.statusCode()).isEqualTo(200);
    assertThat(json.readTree(paid.body()).get("status").asText()).isEqualTo("PAID");
    JsonNode receipt = json.readTree(resident("/api/demo/applications/" + number).body()).get("payment");
    assertThat(receipt.get("status").asText()).isEqualTo("PAID");
    assertThat(receipt.get("receiptNumber").asText()).isEqualTo(providerRef);
    assertThat(receipt.get("paidAt").asText()).endsWith("+09:00");
    assertThat(receipt.get("payPath").isNull()).isTrue();
    assertThat(send(HttpRequest.newBuilder(uri("/api/demo/simulated-payments/" + paymentId))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"PAID\"}")))
        .statusCode()).isEqualTo(409);
    assertThat(send(HttpRequest.newBuilder(uri("/api/kita/simulated-payments/" + paymentId)).GET()).statusCode())
        .isEqualTo(404);
  }

  private String event(String eventId, String outcome) {
    return "{\"eventId\":\"" + eventId + "\",\"paymentRef\":\"" + providerRef + "\",\"outcome\":\"" + outcome + "\"}";
  }

  private String sign(String body) {
    return signed.sign(DEMO, PaymentCallbacks.CHANNEL, bytes(body));
  }

  private HttpResponse<String> callback(String tenant, String body, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/payment/" + tenant + "/callback"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header(SimulatorCallbacks.SIGNATURE_HEADER, signature);
    }
    return send(request);
  }

  private HttpResponse<String> resident(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, resident)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private String paymentStatus() {
    return jdbc.queryForObject("SELECT status FROM payment WHERE provider_ref = ?", String.class, providerRef);
  }

  private java.util.List<String> waitingAt() {
    return runtime.getActiveActivityIds(instance.getId());
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
