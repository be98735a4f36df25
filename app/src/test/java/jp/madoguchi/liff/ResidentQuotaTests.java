package jp.madoguchi.liff;

import static jp.madoguchi.LineIdTokens.DEMO_CHANNEL;
import static jp.madoguchi.LineIdTokens.KITA_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One resident files at most 5 open applications of a procedure and 10 a day in a municipality (the
 * defaults), answered 429 with a Japanese message. Fails on the code before: one LINE account filed
 * 200 applications in 8.3 s, each a clerk's task, a receipt and a LINE push.
 */
class ResidentQuotaTests extends IntegrationTest {

  private static final String APPLY = """
      {"procedureKey": "bulky-waste-collection", "clientRequestId": "%%s", "data": {
        "items": [{"name": "ソファ", "size": "L", "quantity": 1}], "applicantName": "山田 花子", "address": "デモ市中央1-2-3",
        "preferredDate1": "%s", "phone": "090-1234-5678"}}""".formatted(TestDates.daysAhead(14));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ObjectMapper json;
  @Autowired Clock clock;

  private String resident;

  @BeforeEach
  void newResident() {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    resident = LineIdTokens.newUserId();
  }

  @Test
  void shouldRefuseASixthOpenApplicationOfAProcedureButNotTheRetryOfAnEarlierOne() throws Exception {
    List<UUID> filed = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      filed.add(UUID.randomUUID());
      numbers.add(number(submit("demo", DEMO_CHANNEL, filed.get(i)), 201));
    }
    UUID sixth = UUID.randomUUID();

    HttpResponse<String> refused = submit("demo", DEMO_CHANNEL, sixth);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    JsonNode body = json.readTree(refused.body());
    assertThat(body.get("quota").asText()).isEqualTo("open-per-procedure");
    assertThat(body.get("message").asText()).contains("処理が終わっていないものが5件まで");
    assertThat(refused.headers().firstValue("Retry-After")).as("waiting does not help").isEmpty();
    assertThat(number(submit("demo", DEMO_CHANNEL, filed.get(2)), 200)).as("a retry of the third")
        .isEqualTo(numbers.get(2));
    assertThat(applications("demo")).isEqualTo(5);

    runtime.deleteProcessInstance(instanceOf(numbers.get(0)), "ended");

    number(submit("demo", DEMO_CHANNEL, sixth), 201);
    assertThat(applications("demo")).isEqualTo(6);
  }

  @Test
  void shouldRefuseTheEleventhApplicationOfADayUntilMidnightInJapanInThatMunicipalityOnly() throws Exception {
    for (int i = 0; i < 10; i++) {
      runtime.deleteProcessInstance(instanceOf(number(submit("demo", DEMO_CHANNEL, UUID.randomUUID()), 201)), "ended");
    }

    ZonedDateTime before = clock.instant().atZone(ZoneId.of("Asia/Tokyo"));
    HttpResponse<String> refused = submit("demo", DEMO_CHANNEL, UUID.randomUUID());
    ZonedDateTime after = clock.instant().atZone(ZoneId.of("Asia/Tokyo"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    JsonNode body = json.readTree(refused.body());
    assertThat(body.get("quota").asText()).isEqualTo("applications-per-day");
    assertThat(body.get("message").asText()).contains("1日に申請できるのは10件まで", "明日");
    // the seconds to midnight in Japan, rounded up, as the server saw the time between before and after
    ZonedDateTime midnight = before.toLocalDate().plusDays(1).atStartOfDay(before.getZone());
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(Duration.between(after, midnight).toSeconds(), Duration.between(before, midnight).toSeconds() + 1);
    assertThat(applications("demo")).isEqualTo(10);
    number(submit("kita", KITA_CHANNEL, UUID.randomUUID()), 201);
  }

  /** Sent at once, as a script would: the limit holds (the resident's submissions take turns in PostgreSQL). */
  @Test
  void shouldHoldTheLimitForSubmissionsSentAtOnce() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Callable<Integer>> submissions = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      submissions.add(() -> submit("demo", DEMO_CHANNEL, UUID.randomUUID()).statusCode());
    }
    List<Integer> statuses = new ArrayList<>();
    try {
      for (Future<Integer> status : clients.invokeAll(submissions)) {
        statuses.add(status.get());
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(statuses).containsOnly(201, 429).filteredOn(status -> status == 201).hasSize(5);
    assertThat(applications("demo")).isEqualTo(5);
  }

  private HttpResponse<String> submit(String tenant, String channel, UUID clientRequestId) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/" + tenant + "/applications"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(channel, resident))
        .POST(HttpRequest.BodyPublishers.ofString(APPLY.formatted(clientRequestId))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String number(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body()).get("applicationNumber").asText();
  }

  private String instanceOf(String number) {
    return jdbc.queryForObject("SELECT process_instance_id FROM application WHERE number = ? AND tenant_id = 'demo'",
        String.class, number);
  }

  private long applications(String tenant) {
    return jdbc.queryForObject("SELECT count(*) FROM application WHERE tenant_id = ? AND resident_ref = ?", Long.class,
        tenant, resident);
  }
}
