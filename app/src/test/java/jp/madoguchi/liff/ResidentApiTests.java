package jp.madoguchi.liff;

import static jp.madoguchi.LineIdTokens.DEMO_CHANNEL;
import static jp.madoguchi.LineIdTokens.KITA_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jp.madoguchi.AtOnce;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The resident API: only a verified LINE ID token identifies a resident, who only sees their own applications. */
@ExtendWith(OutputCaptureExtension.class)
class ResidentApiTests extends IntegrationTest {

  private static final LineIdTokens LINE_KEYS = LineIdTokens.LINE;
  private static final String APPLY = """
      {"procedureKey": "bulky-waste-collection", "clientRequestId": "%%s", "data": {
        "items": [{"name": "ソファ", "size": "L", "quantity": 1}], "applicantName": "山田 花子", "address": "デモ市中央1-2-3",
        "preferredDate1": "%s", "phone": "090-1234-5678"}}""".formatted(TestDates.daysAhead(14));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired ObjectMapper json;

  private String resident;

  @BeforeAll
  static void publishLinesKeys() {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LINE_KEYS);
  }

  @BeforeEach
  void newResident() {
    publishLinesKeys();
    resident = LineIdTokens.newUserId();
  }

  @Test
  void shouldFileAnApplicationForTheResidentOfTheToken() throws Exception {
    HttpResponse<String> response = post("/api/demo/applications", token(resident), APPLY.formatted(UUID.randomUUID()));

    assertThat(response.statusCode()).isEqualTo(201);
    String number = json.readTree(response.body()).get("applicationNumber").asText();
    assertThat(jdbc.queryForObject("SELECT resident_ref FROM application WHERE tenant_id = 'demo' AND number = ?",
        String.class, number)).isEqualTo(resident);
    JsonNode mine = json.readTree(get("/api/demo/applications", token(resident)).body());
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("applicationNumber").asText()).isEqualTo(number);
    assertThat(mine.get(0).get("procedureName").asText()).isEqualTo("粗大ごみ収集申込");
    assertThat(mine.get(0).get("submittedAt").asText()).endsWith("+09:00");
  }

  @Test
  void shouldCreateOneApplicationForADoubleTap() throws Exception {
    String body = APPLY.formatted(UUID.randomUUID());
    String token = token(resident);
    var pool = Executors.newFixedThreadPool(4);
    List<Callable<HttpResponse<String>>> taps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      taps.add(() -> post("/api/demo/applications", token, body));
    }
    List<String> numbers = new ArrayList<>();
    for (Future<HttpResponse<String>> tap : pool.invokeAll(taps)) {
      assertThat(tap.get().statusCode()).isIn(200, 201);
      numbers.add(json.readTree(tap.get().body()).get("applicationNumber").asText());
    }
    pool.shutdown();

    assertThat(numbers).containsOnly(numbers.get(0));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE resident_ref = ?", Long.class, resident))
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseEveryTokenThatLineDidNotIssueForThisTenant() throws Exception {
    String body = APPLY.formatted(UUID.randomUUID());
    String valid = token(resident);
    String[] parts = valid.split("\\.");
    String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
        LineIdTokens.claims(DEMO_CHANNEL, "Usomeoneelse", new Date(System.currentTimeMillis() + 3_600_000)).build()
            .toString().getBytes());
    SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
        LineIdTokens.claims(DEMO_CHANNEL, resident, new Date(System.currentTimeMillis() + 3_600_000)).build());
    hs256.sign(new MACSigner("demo-secret-demo-secret-demo-secret-0000".getBytes()));
    String unsecured = new PlainJWT(new PlainHeader(),
        LineIdTokens.claims(DEMO_CHANNEL, resident, new Date(System.currentTimeMillis() + 3_600_000)).build()).serialize();

    assertThat(post("/api/demo/applications", null, body).statusCode()).as("no token").isEqualTo(401);
    assertThat(post("/api/demo/applications", "garbage", body).statusCode()).as("garbage").isEqualTo(401);
    assertThat(post("/api/demo/applications", LINE_KEYS.token(KITA_CHANNEL, resident), body).statusCode())
        .as("another tenant's channel").isEqualTo(401);
    assertThat(post("/api/demo/applications", LINE_KEYS.token(LineIdTokens.claims(DEMO_CHANNEL, resident,
        new Date(System.currentTimeMillis() - 120_000)).build()), body).statusCode()).as("expired").isEqualTo(401);
    assertThat(post("/api/demo/applications", LINE_KEYS.token(LineIdTokens.claims(DEMO_CHANNEL, resident,
        new Date(System.currentTimeMillis() + 3_600_000)).issuer("https://evil.example").build()), body).statusCode())
        .as("wrong issuer").isEqualTo(401);
    assertThat(post("/api/demo/applications", parts[0] + "." + otherPayload + "." + parts[2], body).statusCode())
        .as("tampered").isEqualTo(401);
    assertThat(post("/api/demo/applications", hs256.serialize(), body).statusCode()).as("HS256").isEqualTo(401);
    assertThat(post("/api/demo/applications", unsecured, body).statusCode()).as("alg none").isEqualTo(401);
    assertThat(post("/api/demo/applications", new LineIdTokens(LINE_KEYS.key().getKeyID()).token(DEMO_CHANNEL, resident),
        body).statusCode()).as("signed with another key under LINE's key id").isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE resident_ref = ?", Long.class, resident))
        .isZero();
  }

  @Test
  void shouldFollowLinesKeyRotation() throws Exception {
    LineIdTokens rotated = new LineIdTokens();
    LineIdTokens.publish(LINE, LINE_KEYS, rotated);

    assertThat(get("/api/demo/applications", rotated.token(DEMO_CHANNEL, resident)).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseBadPayloadsAndStoreNothing() throws Exception {
    String token = token(resident);
    HttpResponse<String> unknownKey = post("/api/demo/applications", token,
        APPLY.formatted(UUID.randomUUID()).replace("\"phone\"", "\"hack\": 1, \"phone\""));
    HttpResponse<String> forgedResident = post("/api/demo/applications", token,
        APPLY.formatted(UUID.randomUUID()).replace("\"phone\"", "\"residentRef\": \"Uvictim\", \"phone\""));
    HttpResponse<String> missing = post("/api/demo/applications", token,
        APPLY.formatted(UUID.randomUUID()).replace("\"address\": \"デモ市中央1-2-3\",", ""));
    HttpResponse<String> unknownProcedure = post("/api/demo/applications", token,
        APPLY.formatted(UUID.randomUUID()).replace("bulky-waste-collection", "no-such-procedure"));
    HttpResponse<String> malformed = post("/api/demo/applications", token, "{\"procedureKey\": ");
    HttpResponse<String> yesterday = post("/api/demo/applications", token,
        APPLY.formatted(UUID.randomUUID()).replace(TestDates.daysAhead(14), TestDates.daysAgo(1)));

    assertThat(unknownKey.statusCode()).isEqualTo(400);
    assertThat(unknownKey.body()).contains("hack", "この申請にない項目です");
    assertThat(forgedResident.statusCode()).isEqualTo(400);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("収集先の住所");
    assertThat(unknownProcedure.statusCode()).isEqualTo(404);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(yesterday.statusCode()).isEqualTo(400);
    assertThat(yesterday.body()).contains("preferredDate1", "「第1希望日」には今日以降の日付を入力してください");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE resident_ref IN (?, 'Uvictim')", Long.class,
        resident)).isZero();
  }

  @Test
  void shouldShowNobodyElsesApplication() throws Exception {
    String number = submit(resident);
    String stranger = LineIdTokens.newUserId();

    assertThat(get("/api/demo/applications/" + number, token(stranger)).statusCode()).isEqualTo(404);
    assertThat(post("/api/demo/applications/" + number + "/withdrawal", token(stranger), "{}").statusCode())
        .isEqualTo(404);
    assertThat(json.readTree(get("/api/demo/applications", token(stranger)).body())).isEmpty();
    assertThat(get("/api/kita/applications/" + number, LINE_KEYS.token(KITA_CHANNEL, resident)).statusCode())
        .as("same LINE user, other municipality").isEqualTo(404);
    assertThat(get("/api/demo/applications/" + number, token(resident)).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldFollowTheApplicationThroughCorrectionAndWithdrawal() throws Exception {
    String number = submit(resident);
    String instanceId = instanceOf(number);
    runJobs(instanceId);

    JsonNode underReview = detail(number);
    assertThat(underReview.get("status").asText()).isEqualTo("審査中");
    assertThat(underReview.get("actions")).extracting(JsonNode::asText).containsExactly("withdraw");
    assertThat(underReview.at("/data/address").asText()).isEqualTo("デモ市中央1-2-3");

    tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(),
        java.util.Map.of("decision", "return", "returnComment", "大きさを確認してください。"));
    runJobs(instanceId);
    JsonNode returned = detail(number);
    assertThat(returned.get("status").asText()).isEqualTo("差戻し中");
    assertThat(returned.get("clerkComment").asText()).isEqualTo("大きさを確認してください。");
    assertThat(returned.get("actions")).extracting(JsonNode::asText).containsExactly("correct", "withdraw");

    String correctedDay = TestDates.daysAhead(16);
    String corrected = """
        {"data": {"items": [{"name": "ソファ", "size": "XL", "quantity": 1}], "applicantName": "山田 花子", "address": "デモ市中央1-2-3",
          "preferredDate1": "%s", "phone": "090-1234-5678"}}""".formatted(correctedDay);
    assertThat(post("/api/demo/applications/" + number + "/correction", token(resident),
        corrected.replace("\"XL\"", "\"XXL\"")).statusCode()).isEqualTo(400);
    HttpResponse<String> accepted = post("/api/demo/applications/" + number + "/correction", token(resident), corrected);
    assertThat(accepted.statusCode()).isEqualTo(200);
    runJobs(instanceId);
    JsonNode reviewedAgain = detail(number);
    assertThat(reviewedAgain.get("status").asText()).isEqualTo("審査中");
    assertThat(reviewedAgain.at("/data/preferredDate1").asText()).isEqualTo(correctedDay);
    assertThat(post("/api/demo/applications/" + number + "/correction", token(resident), corrected).statusCode())
        .as("no correction is awaited now").isEqualTo(409);

    assertThat(post("/api/demo/applications/" + number + "/withdrawal", token(resident), "{}").statusCode())
        .isEqualTo(200);
    runJobs(instanceId);
    JsonNode withdrawn = detail(number);
    assertThat(withdrawn.get("status").asText()).isEqualTo("取下げ");
    assertThat(withdrawn.get("actions")).isEmpty();
    assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(withdrawn.get("timeline")).extracting(entry -> entry.get("status").asText())
        .containsExactly("受付済み", "審査中", "差戻し中", "審査中", "取下げ");
    assertThat(post("/api/demo/applications/" + number + "/withdrawal", token(resident), "{}").statusCode())
        .isEqualTo(409);
  }

  /**
   * A correction or withdrawal whose answer was lost is sent again by the page with the same
   * clientRequestId: done once, and the copy is answered like the first instead of refused because
   * the application has moved on. Copies sent at the same moment are done once too.
   */
  @Test
  void shouldDoACorrectionAndAWithdrawalSentAgainWithTheirRequestIdOnce() throws Exception {
    String number = submit(resident);
    String instanceId = instanceOf(number);
    runJobs(instanceId);
    tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(),
        java.util.Map.of("decision", "return", "returnComment", "大きさを確認してください。"));
    runJobs(instanceId);
    String correctedDay = TestDates.daysAhead(16);
    String correction = """
        {"clientRequestId": "%s", "data": {"items": [{"name": "ソファ", "size": "XL", "quantity": 1}],
          "applicantName": "山田 花子", "address": "デモ市中央1-2-3", "preferredDate1": "%s",
          "phone": "090-1234-5678"}}""".formatted(UUID.randomUUID(), correctedDay);
    String path = "/api/demo/applications/" + number + "/correction";

    var pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<HttpResponse<String>>> copies = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        copies.add(pool.submit(() -> post(path, token(resident), correction)));
      }
      for (Future<HttpResponse<String>> copy : copies) {
        assertThat(copy.get().statusCode()).as(copy.get().body()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    HttpResponse<String> late = post(path, token(resident), correction);
    assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
    assertThat(json.readTree(late.body()).at("/data/preferredDate1").asText()).isEqualTo(correctedDay);
    runJobs(instanceId);
    assertThat(detail(number).get("timeline")).extracting(entry -> entry.get("status").asText())
        .containsExactly("受付済み", "審査中", "差戻し中", "審査中");
    assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count()).as("one review again").isOne();
    assertThat(post(path, token(resident), correction.replaceFirst("\"clientRequestId\": \"[^\"]+\"",
        "\"clientRequestId\": \"" + UUID.randomUUID() + "\"")).statusCode())
        .as("a new correction is refused: none is awaited").isEqualTo(409);
    String correctionKey = json.readTree(correction).get("clientRequestId").asText();
    assertThat(post("/api/demo/applications/" + number + "/withdrawal", token(resident),
        "{\"clientRequestId\": \"" + correctionKey + "\"}").statusCode())
        .as("the correction's key does not stand for a withdrawal").isEqualTo(409);

    String withdrawal = "{\"clientRequestId\": \"" + UUID.randomUUID() + "\"}";
    assertThat(post("/api/demo/applications/" + number + "/withdrawal", token(resident), withdrawal).statusCode())
        .isEqualTo(200);
    HttpResponse<String> again = post("/api/demo/applications/" + number + "/withdrawal", token(resident), withdrawal);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(json.readTree(again.body()).get("status").asText()).isEqualTo("取下げ");
    assertThat(post("/api/demo/applications/" + number + "/withdrawal", token(resident), "{}").statusCode())
        .as("without its key a second withdrawal is refused as before").isEqualTo(409);
    assertThat(post("/api/demo/applications/" + number + "/withdrawal", token(resident),
        "{\"clientRequestId\": \"not-a-uuid\"}").statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM resident_action_request r JOIN application a "
        + "ON a.id = r.application_id WHERE a.number = ?", Long.class, number)).isEqualTo(2);
  }

  /** A double tap without a clientRequestId: withdrawn once, the other taps told so, no 5xx, no stack trace. */
  @Test
  void shouldWithdrawOnceWhenTheResidentTapsSeveralTimesAtOnce(CapturedOutput log) throws Exception {
    for (int application = 0; application < 2; application++) {
      String number = submit(resident);
      String instanceId = instanceOf(number);
      runJobs(instanceId);
      String path = "/api/demo/applications/" + number + "/withdrawal";
      var pool = Executors.newFixedThreadPool(8);
      List<Integer> statuses = new ArrayList<>();
      try {
        List<Callable<HttpResponse<String>>> taps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          taps.add(() -> post(path, token(resident), "{}"));
        }
        for (Future<HttpResponse<String>> tap : pool.invokeAll(taps)) {
          statuses.add(tap.get().statusCode());
          if (tap.get().statusCode() == 409) {
            assertThat(json.readTree(tap.get().body()).get("message").asText()).contains("取り下げできません");
          }
        }
      } finally {
        pool.shutdown();
      }

      assertThat(statuses).as(number).containsOnlyOnce(200).containsOnly(200, 409);
      runJobs(instanceId);
      assertThat(detail(number).get("status").asText()).isEqualTo("取下げ");
    }
    assertThat(log.getOut()).doesNotContain("The engine failed on a resident's request", "A resident's request failed");
  }

  /**
   * The resident withdraws while the clerk rejects, at the same moment or a little later: one of the
   * two is done and the other refused (the clerk's task is gone: 404; it lost the race: 409), never
   * both, never a 5xx; the resident is told one outcome. Which one wins depends on the machine.
   */
  @Test
  void shouldDoEitherTheWithdrawalOrTheClerksDecisionSentAtTheSameMoment(CapturedOutput log) throws Exception {
    StaffHttp clerk = new StaffHttp(port);
    String rejection = "{\"variables\": {\"decision\": {\"value\": \"reject\"}, "
        + "\"rejectReason\": {\"value\": \"家電リサイクル法の対象品目のため収集できません。\"}}}";
    for (int withdrawalDelayMs : new int[] {0, 30, 100, 300}) {
      String number = submit(resident);
      String instanceId = instanceOf(number);
      runJobs(instanceId);
      String taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

      List<HttpResponse<String>> answers = AtOnce.sendEach(List.of(() -> {
        Thread.sleep(withdrawalDelayMs);
        return post("/api/demo/applications/" + number + "/withdrawal", token(resident), "{}");
      }, () -> clerk.basic("POST", "/engine-rest/task/" + taskId + "/submit-form", "demo-clerk", DEMO_CLERK_PASSWORD,
          rejection)));

      HttpResponse<String> withdrawal = answers.get(0);
      HttpResponse<String> decision = answers.get(1);
      String round = number + " (withdrawal " + withdrawalDelayMs + " ms later): " + withdrawal.statusCode() + " "
          + withdrawal.body() + " / " + decision.statusCode() + " " + decision.body();
      assertThat(withdrawal.statusCode()).as(round).isIn(200, 409);
      assertThat(decision.statusCode()).as(round).isIn(204, 404, 409);
      boolean withdrawn = withdrawal.statusCode() == 200;
      assertThat(withdrawn).as("exactly one is done: " + round).isNotEqualTo(decision.statusCode() == 204);
      runJobs(instanceId);
      assertThat(detail(number).get("status").asText()).as(round).isEqualTo(withdrawn ? "取下げ" : "却下");
      assertThat(jdbc.queryForList("SELECT activity_id FROM notification_outbox WHERE process_instance_id = ? "
          + "AND activity_id IN ('Task_NotifyWithdrawn', 'Task_NotifyRejected')", String.class, instanceId))
          .as(round).containsExactly(withdrawn ? "Task_NotifyWithdrawn" : "Task_NotifyRejected");
    }
    assertThat(log.getOut()).doesNotContain("The engine failed on a resident's request", "A resident's request failed");
  }

  private String submit(String user) throws Exception {
    HttpResponse<String> response = post("/api/demo/applications", token(user), APPLY.formatted(UUID.randomUUID()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).get("applicationNumber").asText();
  }

  private JsonNode detail(String number) throws Exception {
    HttpResponse<String> response = get("/api/demo/applications/" + number, token(resident));
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private String instanceOf(String number) {
    return jdbc.queryForObject("SELECT process_instance_id FROM application WHERE number = ? AND tenant_id = 'demo'",
        String.class, number);
  }

  private void runJobs(String instanceId) {
    management.createJobQuery().processInstanceId(instanceId).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
  }

  private static String token(String user) {
    return LINE_KEYS.token(DEMO_CHANNEL, user);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), token);
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
