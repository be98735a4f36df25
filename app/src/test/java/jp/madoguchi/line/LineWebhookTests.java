package jp.madoguchi.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static jp.madoguchi.LineWebhooks.DEMO_SECRET;
import static jp.madoguchi.LineWebhooks.KITA_SECRET;
import static jp.madoguchi.LineWebhooks.body;
import static jp.madoguchi.LineWebhooks.newEventId;
import static jp.madoguchi.LineWebhooks.postSigned;
import static jp.madoguchi.LineWebhooks.sign;
import static jp.madoguchi.LineWebhooks.textEvent;
import static jp.madoguchi.LineWebhooks.unfollowEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineWebhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The webhook as LINE calls it: signature rules, the inbox, redeliveries and concurrent duplicates. */
class LineWebhookTests extends IntegrationTest {

  private static final String USER = "U1111111111111111111111111webhook";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired LineAvailability availability;
  @Autowired LineEventDispatcher dispatcher;
  @Autowired ObjectMapper json;

  @BeforeEach
  void resetLine() {
    availability.succeeded(DEMO);
    LINE.resetAll();
    LINE.stubFor(post(urlEqualTo("/v2/bot/message/reply")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"sentMessages\":[]}")));
  }

  @Test
  void shouldAnswerLinesVerifyRequestWithoutStoringAnything() throws Exception {
    long before = inboxRows();
    var response = postSigned(port, DEMO, DEMO_SECRET, "{\"destination\":\"Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"events\":[]}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(inboxRows()).isEqualTo(before);
  }

  @Test
  void shouldStoreAnEventWithAGoodSignatureEncrypted() throws Exception {
    String eventId = newEventId();
    var response = postSigned(port, DEMO, DEMO_SECRET, body(textEvent(eventId, USER, "r1", "こんにちは", false)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("application/json"));
    assertThat(rowsFor(eventId)).isEqualTo(1);
    byte[] stored = jdbc.queryForObject("SELECT event FROM line_inbox WHERE webhook_event_id = ?", byte[].class, eventId);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(USER);
  }

  @Test
  void shouldRefuseBadSignaturesAndWriteNothing() throws Exception {
    String eventId = newEventId();
    String body = body(textEvent(eventId, USER, "r2", "申請", false));
    String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body));

    assertThat(LineWebhooks.post(port, DEMO, body, null).statusCode()).isEqualTo(400);
    assertThat(LineWebhooks.post(port, DEMO, body, "not base64 at all!").statusCode()).isEqualTo(401);
    assertThat(LineWebhooks.post(port, DEMO, body, sign(DEMO_SECRET, "something else".getBytes())).statusCode())
        .isEqualTo(401);
    assertThat(LineWebhooks.post(port, DEMO, body, sign(KITA_SECRET, body.getBytes(StandardCharsets.UTF_8))).statusCode())
        .as("signed for another tenant").isEqualTo(401);
    assertThat(LineWebhooks.post(port, DEMO, pretty, sign(DEMO_SECRET, body.getBytes(StandardCharsets.UTF_8))).statusCode())
        .as("body re-serialised after signing").isEqualTo(401);
    assertThat(rowsFor(eventId)).isZero();
  }

  @Test
  void shouldRefuseUnknownTenantsAndMalformedBodies() throws Exception {
    assertThat(postSigned(port, "no-such-city", DEMO_SECRET, body()).statusCode()).isEqualTo(404);
    assertThat(postSigned(port, DEMO, DEMO_SECRET, "{not json").statusCode()).isEqualTo(400);
    assertThat(postSigned(port, DEMO, DEMO_SECRET, "{\"events\":[{\"type\":\"message\"}]}").statusCode())
        .as("event without webhookEventId").isEqualTo(400);
  }

  @Test
  void shouldKeepOneRowAndOneEffectForRedeliveries() throws Exception {
    String eventId = newEventId();
    assertThat(postSigned(port, DEMO, DEMO_SECRET, body(textEvent(eventId, USER, "r3", "状況", false))).statusCode())
        .isEqualTo(200);
    assertThat(postSigned(port, DEMO, DEMO_SECRET, body(textEvent(eventId, USER, "r3", "状況", true))).statusCode())
        .isEqualTo(200);

    dispatcher.processPending();
    dispatcher.processPending();

    assertThat(rowsFor(eventId)).isEqualTo(1);
    LINE.verify(1, postRequestedFor(urlEqualTo("/v2/bot/message/reply"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"replyToken\":\"r3\"")));
  }

  @Test
  void shouldCollapseParallelDuplicatesToOneRowAndOneEffect() throws Exception {
    String eventId = newEventId();
    String body = body(textEvent(eventId, USER, "r4", "状況", false));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        calls.add(() -> postSigned(port, DEMO, DEMO_SECRET, body).statusCode());
      }
      for (Future<Integer> status : pool.invokeAll(calls)) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    dispatcher.processPending();

    assertThat(rowsFor(eventId)).isEqualTo(1);
    LINE.verify(1, postRequestedFor(urlEqualTo("/v2/bot/message/reply"))
        .withHeader("Authorization", equalTo("Bearer demo-token")));
  }

  @Test
  void shouldStoreAndCountEveryNewEventOfABatchOnceBesideARedelivery() throws Exception {
    String first = newEventId();
    String second = newEventId();
    String third = newEventId();
    long unfollowsBefore = unfollowsToday();
    postSigned(port, DEMO, DEMO_SECRET, body(unfollowEvent(first, USER)));

    var answer = postSigned(port, DEMO, DEMO_SECRET,
        body(unfollowEvent(first, USER), unfollowEvent(second, USER), unfollowEvent(third, USER)));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(List.of(rowsFor(first), rowsFor(second), rowsFor(third))).containsExactly(1L, 1L, 1L);
    assertThat(unfollowsToday() - unfollowsBefore).as("each stored unfollow counted once, the redelivery not")
        .isEqualTo(3);
  }

  @Test
  void shouldStoreEveryEventOfAWebhookWithMoreEventsThanOneStatementTakes() throws Exception {
    // 12,000 events of 6 columns each: more parameters than PostgreSQL takes in one statement (65,535)
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      ids.add(newEventId());
    }
    String body = body(ids.stream().map(id -> "{\"webhookEventId\":\"" + id + "\",\"type\":\"other\"}")
        .toArray(String[]::new));

    assertThat(postSigned(port, DEMO, DEMO_SECRET, body).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM line_inbox WHERE tenant_id = ? AND webhook_event_id = ANY (?)",
        Long.class, DEMO, ids.toArray(String[]::new))).isEqualTo(12_000);
  }

  @Test
  void shouldKeepTheSameEventIdOfTwoTenantsApart() throws Exception {
    String eventId = newEventId();
    postSigned(port, DEMO, DEMO_SECRET, body(textEvent(eventId, USER, "r5", "x", false)));
    postSigned(port, KITA, KITA_SECRET, body(textEvent(eventId, USER, "r6", "x", false)));
    assertThat(rowsFor(eventId)).isEqualTo(2);
  }

  private long unfollowsToday() {
    return jdbc.queryForObject("""
        SELECT coalesce(sum(unfollows), 0) FROM line_follow_daily
        WHERE tenant_id = ? AND day = (now() AT TIME ZONE 'Asia/Tokyo')::date""", Long.class, DEMO);
  }

  private long inboxRows() {
    return jdbc.queryForObject("SELECT count(*) FROM line_inbox", Long.class);
  }

  private long rowsFor(String eventId) {
    return jdbc.queryForObject("SELECT count(*) FROM line_inbox WHERE webhook_event_id = ?", Long.class, eventId);
  }
}
