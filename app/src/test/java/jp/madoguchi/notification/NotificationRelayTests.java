package jp.madoguchi.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LogCapture;
import jp.madoguchi.line.LineAvailability;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pushes that arrive exactly once: retry keys, pauses of the channel, 409, 429, unfollowed residents,
 * a retry budget in time, giving up visibly.
 */
class NotificationRelayTests extends IntegrationTest {

  private static final String PUSH = "/v2/bot/message/push";

  @LocalServerPort int port;
  @Autowired NotificationRelay relay;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired LineAvailability availability;

  private String user;

  @BeforeEach
  void reset() {
    availability.succeeded(DEMO);
    LINE.resetAll();
    user = LineIdTokens.newUserId();
    relay.relayDue(); // whatever other tests queued: out of the way before this test's messages
    LINE.resetAll();
  }

  @Test
  void shouldDeliverExactlyOnceThrough500AndATimeoutWithOneRetryKey() {
    String scenario = "flaky-" + user;
    LINE.stubFor(post(urlEqualTo(PUSH)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("timeout"));
    LINE.stubFor(post(urlEqualTo(PUSH)).inScenario(scenario).whenScenarioStateIs("timeout")
        .willReturn(ok().withFixedDelay(2_500)).willSetStateTo("up"));
    LINE.stubFor(post(urlEqualTo(PUSH)).inScenario(scenario).whenScenarioStateIs("up").willReturn(ok()));
    String outboxId = queueReceiptNotification();

    relayNow();
    assertThat(status(outboxId)).isEqualTo("PENDING");
    relayNow();
    assertThat(status(outboxId)).isEqualTo("PENDING");
    relayNow();

    assertThat(status(outboxId)).isEqualTo("SENT");
    List<LoggedRequest> pushes = LINE.findAll(postRequestedFor(urlEqualTo(PUSH)));
    assertThat(pushes).hasSize(3);
    assertThat(pushes).extracting(request -> request.getHeader("X-Line-Retry-Key")).containsOnly(retryKey(outboxId));
    assertThat(pushes).allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer demo-token"));
    relayNow();
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo(PUSH)))).hasSize(3);
  }

  @Test
  void shouldSendAFlexCardWithTheTextAndAButtonToTheStatusPage() {
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(ok()));
    String outboxId = queueReceiptNotification();
    relayNow();

    String body = LINE.findAll(postRequestedFor(urlEqualTo(PUSH))).get(0).getBodyAsString();
    assertThat(body).contains("\"to\":\"" + user + "\"", "\"type\":\"flex\"", "粗大ごみ収集のお申し込みを受け付けました",
        "申請状況を見る", "https://liff.line.me/1234567890-demo/applications/");
    assertThat(status(outboxId)).isEqualTo("SENT");
  }

  @Test
  void shouldTreat409AsAlreadySent() {
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"The retry key is already accepted\"}")));
    String outboxId = queueReceiptNotification();
    relayNow();
    assertThat(status(outboxId)).isEqualTo("SENT");
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo(PUSH)))).hasSize(1);
  }

  @Test
  void shouldBackOffOn429AsLineAsks() {
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Too many requests\"}")));
    String outboxId = queueReceiptNotification();
    Instant before = Instant.now();

    relay.relayDue();
    relay.relayDue();

    assertThat(status(outboxId)).isEqualTo("PENDING");
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo(PUSH)))).hasSize(1);
    Instant next = jdbc.queryForObject("SELECT next_attempt_at FROM notification_outbox WHERE id = ?::uuid",
        java.sql.Timestamp.class, outboxId).toInstant();
    assertThat(next).isAfter(before.plusSeconds(115));

    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(ok()));
    relayNow();
    assertThat(status(outboxId)).isEqualTo("SENT");
  }

  /** Fails on the code before: a refused channel access token made every queued notification FAILED at once. */
  @Test
  void shouldHoldNotificationsWhileLineRefusesTheChannelAccessToken() {
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Authentication failed\"}")));
    String outboxId = queueReceiptNotification();
    String log;

    try (LogCapture capture = LogCapture.atInfo()) {
      relay.relayDue();
      log = capture.text();
    }

    assertThat(status(outboxId)).isEqualTo("PENDING");
    assertThat(jdbc.queryForObject("SELECT last_error FROM notification_outbox WHERE id = ?::uuid", String.class,
        outboxId)).contains("channel access token");
    assertThat(log).containsPattern(" ERROR .*NotificationRelay: LINE refused the channel access token of tenant demo; .*"
        + "PUT /api/demo/admin/line/channel");
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(ok())); // the token was replaced
    relayNow();
    assertThat(status(outboxId)).isEqualTo("SENT");
  }

  @Test
  void shouldNotPushToAResidentWhoUnfollowed() throws Exception {
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(ok()));
    jdbc.update("INSERT INTO line_resident (tenant_id, user_id, followed) VALUES (?, ?, false)", DEMO, user);
    String outboxId = queueReceiptNotification();

    relayNow();

    assertThat(status(outboxId)).isEqualTo("SKIPPED");
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo(PUSH)))).isEmpty();
  }

  @Test
  void shouldGiveUpVisiblyAndLetAnAdminSendAgain() throws Exception {
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"The request body has 1 error(s)\"}")));
    String outboxId = queueReceiptNotification();
    relayNow();
    assertThat(status(outboxId)).isEqualTo("FAILED");

    HttpResponse<String> failed = admin("GET", "/api/demo/admin/notifications?status=FAILED", "demo-admin", DEMO_ADMIN_PASSWORD);
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.body()).contains(outboxId, "400 from LINE");
    assertThat(admin("GET", "/api/demo/admin/notifications", "demo-clerk", DEMO_CLERK_PASSWORD).statusCode()).isEqualTo(403);
    assertThat(admin("GET", "/api/demo/admin/notifications", "kita-admin", "Hokubu-Admin-2026!").statusCode()).isEqualTo(403);
    HttpResponse<String> otherTenants = admin("POST", "/api/kita/admin/notifications/" + outboxId + "/retry", "kita-admin",
        "Hokubu-Admin-2026!");
    assertThat(otherTenants.statusCode()).as("another tenant's message").isEqualTo(404);
    assertThat(otherTenants.body()).contains("送れなかった通知はありません");
    HttpResponse<String> unknownStatus = admin("GET", "/api/demo/admin/notifications?status=LOST", "demo-admin",
        DEMO_ADMIN_PASSWORD);
    assertThat(unknownStatus.statusCode()).isEqualTo(400);
    assertThat(unknownStatus.body()).contains("PENDING・SENT・FAILED・SKIPPED のどれかです");

    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(ok()));
    assertThat(admin("POST", "/api/demo/admin/notifications/" + outboxId + "/retry", "demo-admin", DEMO_ADMIN_PASSWORD)
        .statusCode()).isEqualTo(202);
    assertThat(requeuedEntries(outboxId)).as("the operation log names who sent it again").isOne();
    relayNow();
    assertThat(status(outboxId)).isEqualTo("SENT");
  }

  @Test
  void shouldPauseTheChannelAfterA429AndTryNothingElseOfTheTenantMeanwhile() {
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Too many requests\"}")));
    String first = queueReceiptNotification();
    relay.relayDue();
    String second = queueReceiptNotification();

    relay.relayDue();
    relay.relayDue();

    assertThat(LINE.findAll(postRequestedFor(urlEqualTo(PUSH)))).hasSize(1);
    assertThat(status(first)).isEqualTo("PENDING");
    assertThat(status(second)).isEqualTo("PENDING");
  }

  @Test
  void shouldSendOneMessageAsAProbeWhenThePauseEndsAndTheRestOnceItGetsThrough() throws Exception {
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(ok()));
    availability.failed(DEMO, Duration.ofMillis(1));
    Thread.sleep(5);
    String first = queueReceiptNotification();
    String second = queueReceiptNotification();

    relay.relayDue();
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo(PUSH)))).hasSize(1);

    relay.relayDue();
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo(PUSH)))).hasSize(2);
    assertThat(List.of(status(first), status(second))).containsOnly("SENT");
  }

  /** Fails on the code before: eight tries of 5xx or 429, minutes of an outage, made a notification FAILED for good. */
  @Test
  void shouldKeepTryingThroughOutagesAndRateLimitsUntilTheRetryBudgetIsUsedUp() {
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(aResponse().withStatus(503)));
    String outboxId = queueReceiptNotification();
    for (int i = 0; i < 12; i++) {
      relayNow();
    }
    LINE.stubFor(post(urlEqualTo(PUSH)).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Too many requests\"}")));
    for (int i = 0; i < 12; i++) {
      relayNow();
    }
    assertThat(status(outboxId)).isEqualTo("PENDING");
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo(PUSH)).withRequestBody(containing(user)))).hasSize(24);
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo(PUSH)))).extracting(request -> request.getHeader("X-Line-Retry-Key"))
        .containsOnly(retryKey(outboxId));

    jdbc.update("UPDATE notification_outbox SET tries_since = now() - interval '23 hours' WHERE id = ?::uuid", outboxId);
    relayNow();
    assertThat(status(outboxId)).isEqualTo("FAILED");
    assertThat(jdbc.queryForObject("SELECT last_error FROM notification_outbox WHERE id = ?::uuid", String.class,
        outboxId)).contains("429", "retry budget");
  }

  private String queueReceiptNotification() {
    var variables = BulkyWasteApplications.valid().putValue("residentRef", user);
    var instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey("bulky-waste-collection", variables));
    return jdbc.queryForObject("SELECT id::text FROM notification_outbox WHERE process_instance_id = ?", String.class,
        instance.getId());
  }

  /** Makes everything of this test due now, as if the channel's pause had passed and LINE had recovered, and runs the relay. */
  private void relayNow() {
    jdbc.update("UPDATE notification_outbox SET next_attempt_at = now() WHERE resident_ref = ? AND status = 'PENDING'", user);
    availability.succeeded(DEMO);
    relay.relayDue();
  }

  /** Written by the log's queue shortly after the request. */
  private long requeuedEntries(String outboxId) throws InterruptedException {
    long found = 0;
    for (int attempt = 0; attempt < 100 && found == 0; attempt++) {
      Thread.sleep(100);
      found = jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE tenant_id = 'demo' AND category = 'OPERATION' "
          + "AND kind = 'notification.requeued' AND target = ? AND actor = 'demo-admin'", Long.class, outboxId);
    }
    return found;
  }

  private String retryKey(String outboxId) {
    return jdbc.queryForObject("SELECT retry_key::text FROM notification_outbox WHERE id = ?::uuid", String.class,
        outboxId);
  }

  private String status(String outboxId) {
    return jdbc.queryForObject("SELECT status FROM notification_outbox WHERE id = ?::uuid", String.class, outboxId);
  }

  private HttpResponse<String> admin(String method, String path, String user, String password) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + credentials)
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ResponseDefinitionBuilder ok() {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}");
  }
}
