package jp.madoguchi.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static jp.madoguchi.LineWebhooks.DEMO_SECRET;
import static jp.madoguchi.LineWebhooks.body;
import static jp.madoguchi.LineWebhooks.followEvent;
import static jp.madoguchi.LineWebhooks.groupTextEvent;
import static jp.madoguchi.LineWebhooks.joinEvent;
import static jp.madoguchi.LineWebhooks.newEventId;
import static jp.madoguchi.LineWebhooks.postSigned;
import static jp.madoguchi.LineWebhooks.postbackEvent;
import static jp.madoguchi.LineWebhooks.standbyFollowEvent;
import static jp.madoguchi.LineWebhooks.standbyTextEvent;
import static jp.madoguchi.LineWebhooks.textEvent;
import static jp.madoguchi.LineWebhooks.unfollowEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every handler, observed at the LINE stand-in: what is replied, with which token, and when nothing is sent. */
class LineEventHandlerTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired LineEventDispatcher dispatcher;
  @Autowired JdbcTemplate jdbc;
  @Autowired LineAvailability availability;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired LineResidents residents;

  private String user;

  @BeforeEach
  void resetLine() {
    availability.succeeded(DEMO);
    user = LineIdTokens.newUserId();
    LINE.resetAll();
    LINE.stubFor(post(urlEqualTo("/v2/bot/message/reply")).willReturn(json("{\"sentMessages\":[]}")));
    LINE.stubFor(post(urlEqualTo("/v2/bot/message/push")).willReturn(json("{\"sentMessages\":[]}")));
    dispatcher.processPending(); // events other test classes left: answered now, not counted in this test
    LINE.resetRequests();
  }

  @Test
  void shouldWelcomeANewFriendWithTheMenu() throws Exception {
    deliver(followEvent(newEventId(), user, "follow-token"));

    LoggedRequest reply = onlyReply();
    assertThat(reply.getHeader("Authorization")).isEqualTo("Bearer demo-token");
    assertThat(reply.getBodyAsString()).contains("\"replyToken\":\"follow-token\"", "デモ市の公式アカウントです",
        "action=apply", "action=status", "action=contact");
    assertThat(residents.reachable(DEMO, user)).isTrue();
  }

  @Test
  void shouldStopPushingToAResidentWhoUnfollowed() throws Exception {
    deliver(unfollowEvent(newEventId(), user));

    assertThat(LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/reply")))).isEmpty();
    assertThat(residents.reachable(DEMO, user)).isFalse();
  }

  @Test
  void shouldListTheProceduresWithLiffLinks() throws Exception {
    deliver(textEvent(newEventId(), user, "apply-token", "申請したい", false));

    assertThat(onlyReply().getBodyAsString()).contains("粗大ごみ収集申込",
        "https://liff.line.me/1234567890-demo/apply/bulky-waste-collection");
  }

  @Test
  void shouldShowTheResidentsOwnApplicationsAndTheirStatus() throws Exception {
    var variables = BulkyWasteApplications.valid().putValue("residentRef", user);
    var instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey("bulky-waste-collection", variables));
    BulkyWasteApplications.runJobs(management, instance.getId());

    deliver(textEvent(newEventId(), user, "status-token", "状況", false));

    assertThat(onlyReply().getBodyAsString()).contains(instance.getBusinessKey(), "審査中", "粗大ごみ収集申込",
        "https://liff.line.me/1234567890-demo/applications");
  }

  @Test
  void shouldSayThereAreNoApplicationsToSomeoneWithout() throws Exception {
    deliver(postbackEvent(newEventId(), user, "pb-token", "action=status"));
    assertThat(onlyReply().getBodyAsString()).contains("申請はまだありません");
  }

  @Test
  void shouldAnswerContactAndAnythingElseWithHelp() throws Exception {
    deliver(postbackEvent(newEventId(), user, "contact-token", "action=contact"));
    deliver(textEvent(newEventId(), user, "help-token", "こんにちは", false));

    List<LoggedRequest> replies = LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/reply")));
    assertThat(replies).hasSize(2);
    assertThat(replies).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("contact-token", "担当課の窓口"));
    assertThat(replies).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("help-token", "「申請」と送ると"));
  }

  @Test
  void shouldSendNothingForStandbyEvents() throws Exception {
    deliver(standbyTextEvent(newEventId(), user, "申請"));

    assertThat(LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/reply")))).isEmpty();
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push")))).isEmpty();
  }

  @Test
  void shouldRecordAFollowWhileAnotherChannelAnswersInStandby() throws Exception {
    deliver(unfollowEvent(newEventId(), user));
    deliver(standbyFollowEvent(newEventId(), user));

    assertThat(residents.reachable(DEMO, user)).isTrue();
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/reply")))).isEmpty();
  }

  @Test
  void shouldAnswerNothingInAGroupChat() throws Exception {
    String eventId = newEventId();
    deliver(groupTextEvent(eventId, "C0000000000000000000000000000grp", user, "group-token", "申請"));

    assertThat(LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/reply")))).isEmpty();
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push")))).isEmpty();
    assertThat(status(eventId)).isEqualTo("DONE");
  }

  @Test
  void shouldSayOnceWhenInvitedToAGroupThatItAnswersInOneToOneChats() throws Exception {
    deliver(joinEvent(newEventId(), "C0000000000000000000000000000grp", "join-token"));

    assertThat(onlyReply().getBodyAsString()).contains("\"replyToken\":\"join-token\"", "1 対 1 のトーク");
  }

  @Test
  void shouldGiveUpAtOnceWhenLineRefusesTheAnswerItself() throws Exception {
    LINE.stubFor(post(urlEqualTo("/v2/bot/message/reply")).willReturn(lineError(400, "Invalid reply token")));
    LINE.stubFor(post(urlEqualTo("/v2/bot/message/push"))
        .willReturn(lineError(400, "The property, 'to', in the request body is invalid")));
    String refused = newEventId();
    deliver(textEvent(refused, user, "expired-token", "申請", false));
    LINE.stubFor(post(urlEqualTo("/v2/bot/message/reply"))
        .willReturn(lineError(403, "Access to this API is not available")));
    String forbidden = newEventId();
    deliver(textEvent(forbidden, LineIdTokens.newUserId(), "some-token", "状況", false));

    assertThat(status(refused)).isEqualTo("FAILED");
    assertThat(status(forbidden)).isEqualTo("FAILED");
    assertThat(LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push")))).hasSize(1);
  }

  @Test
  void shouldHoldAnswersWhileLineRefusesTheChannelAccessToken() throws Exception {
    LINE.stubFor(post(urlEqualTo("/v2/bot/message/reply")).willReturn(lineError(401, "Authentication failed")));
    String eventId = newEventId();

    deliver(textEvent(eventId, user, "held-token", "申請", false));

    assertThat(status(eventId)).isEqualTo("PENDING");
    assertThat(availability.paused()).contains(DEMO);
    // left pending, it would be answered in a later test
    jdbc.update("UPDATE line_inbox SET status = 'DONE' WHERE webhook_event_id = ?", eventId);
  }

  @Test
  void shouldPushWhenTheReplyTokenCanNoLongerBeUsed() throws Exception {
    LINE.stubFor(post(urlEqualTo("/v2/bot/message/reply")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Invalid reply token\"}")));

    deliver(textEvent(newEventId(), user, "expired-token", "申請", false));

    LINE.verify(1, postRequestedFor(urlEqualTo("/v2/bot/message/push"))
        .withHeader("X-Line-Retry-Key", matching("[0-9a-f-]{36}"))
        .withRequestBody(containing("\"to\":\"" + user + "\"")));
  }

  @Test
  void shouldMarkTheEventDoneOnceHandled() throws Exception {
    String eventId = newEventId();
    deliver(textEvent(eventId, user, "done-token", "申請", false));
    assertThat(status(eventId)).isEqualTo("DONE");
  }

  private void deliver(String event) throws Exception {
    assertThat(postSigned(port, DEMO, DEMO_SECRET, body(event)).statusCode()).isEqualTo(200);
    dispatcher.processPending();
  }

  private String status(String eventId) {
    return jdbc.queryForObject("SELECT status FROM line_inbox WHERE webhook_event_id = ?", String.class, eventId);
  }

  private static ResponseDefinitionBuilder lineError(int status, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"" + message + "\"}");
  }

  private LoggedRequest onlyReply() {
    List<LoggedRequest> replies = LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/reply"))
        .withHeader("Content-Type", containing("application/json")));
    assertThat(replies).hasSize(1);
    return replies.get(0);
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }
}
