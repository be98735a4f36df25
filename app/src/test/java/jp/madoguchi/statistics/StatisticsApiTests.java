package jp.madoguchi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.ChildAllowanceApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.LineWebhooks;
import jp.madoguchi.ResidentCertificateApplications;
import jp.madoguchi.TestDates;
import jp.madoguchi.application.ResidentStatusService;
import jp.madoguchi.application.ResidentSubmissions;
import jp.madoguchi.callback.SignedCallbacks;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics API on real applications: every figure moves by what the test did (other tests
 * share the database, so the test compares before and after), and the status distribution is the
 * one each resident sees in their timeline.
 */
class StatisticsApiTests extends IntegrationTest {

  private static final String ADMIN = "demo-admin:" + DEMO_ADMIN_PASSWORD;
  /** A waste-section clerk allowed to link counter applications to a resident's LINE account. */
  private static final String COUNTER_CLERK = "demo-counter:Madoguchi-Counter-2026!";
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  @LocalServerPort int port;
  @Autowired ResidentSubmissions submissions;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired ResidentStatusService statuses;
  @Autowired SignedCallbacks signed;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ProcessHistoryQueries historyQueries;
  @Autowired ResidentStatusMaps maps;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldCountApplicationsByChannelAndWhatBecameOfThem() throws Exception {
    JsonNode before = statistics(ADMIN, "");

    String approved = online("bulky-waste-collection");
    String returned = online("bulky-waste-collection");
    String withdrawn = online("bulky-waste-collection");
    String rejected = counter();
    decide(approved, BulkyWasteApplications.approval(TestDates.daysAhead(19)));
    decide(returned, BulkyWasteApplications.returnForCorrection());
    runtime.createMessageCorrelation("WithdrawalRequested").processInstanceId(withdrawn).correlate();
    BulkyWasteApplications.runJobs(management, withdrawn);
    decide(rejected, BulkyWasteApplications.rejection());

    assertThat(channel(approved)).isEqualTo("ONLINE");
    assertThat(channel(rejected)).isEqualTo("COUNTER");
    JsonNode after = statistics(ADMIN, "");
    String today = LocalDate.now(JST).toString();
    assertThat(dayCount(after, today, "online") - dayCount(before, today, "online")).isEqualTo(3);
    assertThat(dayCount(after, today, "counter") - dayCount(before, today, "counter")).isEqualTo(1);
    assertThat(statusCounts(after)).containsAllEntriesOf(plus(statusCounts(before), Map.of(
        // approved: still open, waiting for the reminder the day before collection
        "bulky-waste-collection|承認|true", 1L, "bulky-waste-collection|却下|false", 1L,
        "bulky-waste-collection|差戻し中|true", 1L, "bulky-waste-collection|取下げ|false", 1L)));
    assertThat(outcome(after, "returned") - outcome(before, "returned")).isEqualTo(1);
    assertThat(outcome(after, "withdrawn") - outcome(before, "withdrawn")).isEqualTo(1);
    assertThat(outcome(after, "applications") - outcome(before, "applications")).isEqualTo(4);
    assertThat(finished(after) - finished(before)).isEqualTo(2);
  }

  /** Counting by end event or from the history must give what ResidentStatusService tells each resident. */
  @Test
  void shouldGiveTheStatusEveryResidentSeesInTheirTimeline() throws Exception {
    counter();
    decide(online("bulky-waste-collection"), BulkyWasteApplications.approval(TestDates.daysAhead(24)));
    // an operator deletes an instance: it ends where it stood, without an end event
    runtime.deleteProcessInstance(counter(), "test");
    ProcessInstance child = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey("child-allowance",
        ChildAllowanceApplications.valid(LineIdTokens.newUserId())));
    BulkyWasteApplications.runJobs(management, child.getId());
    runtime.createMessageCorrelation("WithdrawalRequested").processInstanceId(child.getId()).correlate();
    BulkyWasteApplications.runJobs(management, child.getId());
    JsonNode statistics = statistics(ADMIN, "");

    Map<String, Long> expected = new HashMap<>();
    LocalDate today = LocalDate.now(JST);
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().tenantIdIn(DEMO)
        .startedAfter(java.sql.Timestamp.valueOf(today.atStartOfDay())).list()) {
      String status = statuses.current(DEMO, instance.getId()).map(s -> s.status()).orElse(ProcessOutcomes.NO_STATUS);
      expected.merge(instance.getProcessDefinitionKey() + "|" + status + "|" + (instance.getEndTime() == null), 1L,
          Long::sum);
    }
    assertThat(statusCounts(statistics)).isEqualTo(expected).containsKey("child-allowance|取下げ|false");
    assertThat(fromHistoryAlone(today)).isEqualTo(expected);
  }

  /** The same distribution with every instance's status read from its history, none from its end event. */
  private Map<String, Long> fromHistoryAlone(LocalDate today) {
    StatisticsPeriod period = new StatisticsPeriod(today, today);
    Set<String> marks = new HashSet<>();
    Set<String> ends = new HashSet<>();
    for (var group : historyQueries.ends(DEMO, period)) {
      maps.of(group.definitionId()).statuses().keySet()
          .forEach(activity -> marks.add(ProcessHistoryQueries.pair(group.definitionId(), activity)));
      ends.add(ProcessHistoryQueries.pair(group.definitionId(), group.endActivityId()));
    }
    Map<String, Long> counts = new HashMap<>();
    for (var mark : historyQueries.lastMarks(DEMO, period, marks, ends)) {
      String status = mark.definitionId() == null ? ProcessOutcomes.NO_STATUS
          : maps.of(mark.definitionId()).statuses().get(mark.activityId());
      counts.merge(mark.procedureKey() + "|" + status + "|" + mark.open(), mark.count(), Long::sum);
    }
    return counts;
  }

  @Test
  void shouldCountFollowsAndBlocksOncePerWebhookEvent() throws Exception {
    JsonNode before = statistics(ADMIN, "");
    String user = LineIdTokens.newUserId();
    String follow = LineWebhooks.followEvent(LineWebhooks.newEventId(), user, "reply-token");
    String unfollow = LineWebhooks.unfollowEvent(LineWebhooks.newEventId(), user);
    assertThat(LineWebhooks.postSigned(port, DEMO, LineWebhooks.DEMO_SECRET, LineWebhooks.body(follow, unfollow))
        .statusCode()).isEqualTo(200);
    // LINE delivers the same events again (e.g. after a timeout): stored once, counted once
    assertThat(LineWebhooks.postSigned(port, DEMO, LineWebhooks.DEMO_SECRET, LineWebhooks.body(follow)).statusCode())
        .isEqualTo(200);

    JsonNode after = statistics(ADMIN, "");
    assertThat(lineDay(after, "follows") - lineDay(before, "follows")).isEqualTo(1);
    assertThat(lineDay(after, "unfollows") - lineDay(before, "unfollows")).isEqualTo(1);
  }

  @Test
  void shouldSumTheFeesPaidOnline() throws Exception {
    JsonNode before = statistics(ADMIN, "");
    ProcessInstance instance = ResidentCertificateApplications.awaitingPayment(runtime, tasks, management,
        ResidentCertificateApplications.byMail(LineIdTokens.newUserId()));
    String providerRef = jdbc.queryForObject("SELECT provider_ref FROM payment WHERE process_instance_id = ?",
        String.class, instance.getId());
    String body = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"paymentRef\":\"" + providerRef + "\",\"outcome\":\"PAID\"}";
    HttpResponse<String> paid = http.send(HttpRequest.newBuilder(uri("/payment/demo/callback"))
        .header("Content-Type", "application/json")
        .header("X-Madoguchi-Signature", signed.sign(DEMO, "payment", body.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

    JsonNode after = statistics(ADMIN, "");
    assertThat(payments(after, "count") - payments(before, "count")).isEqualTo(1);
    assertThat(payments(after, "amount") - payments(before, "amount")).isEqualTo(600);
  }

  @Test
  void shouldCountOpenAndOverdueTasksPerDepartment() throws Exception {
    JsonNode before = statistics(ADMIN, "");
    String overdue = counter();
    String onTime = counter();
    tasks.setDueDate(task(overdue), java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(JST).minusDays(1)));
    tasks.setDueDate(task(onTime), java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(JST).plusDays(1)));

    JsonNode after = statistics(ADMIN, "");
    assertThat(department(after, "open") - department(before, "open")).isEqualTo(2);
    assertThat(department(after, "overdue") - department(before, "overdue")).isEqualTo(1);
    assertThat(departmentRow(after).get("name").asText()).isEqualTo("waste-section");

    // the municipality's own name for the department; another municipality's name for the same group is not it
    jdbc.update("INSERT INTO department (tenant_id, group_id, name) VALUES ('kita', 'waste-section', '北市清掃課'), "
        + "('demo', 'waste-section', '環境課 ごみ減量係')");
    try {
      assertThat(departmentRow(statistics(ADMIN, "")).get("name").asText()).isEqualTo("環境課 ごみ減量係");
    } finally {
      jdbc.update("DELETE FROM department WHERE group_id = 'waste-section'");
    }
  }

  private String online(String procedure) {
    ObjectNode data = json.createObjectNode();
    data.set("items", json.createArrayNode().add(json.createObjectNode().put("name", "ソファ").put("size", "L")
        .put("quantity", 1)));
    data.put("address", "デモ市中央1-2-3").put("applicantName", "山田 花子").put("preferredDate1", TestDates.daysAhead(14)).put("phone", "090-1234-5678");
    String number = submissions.submit(DEMO, LineIdTokens.newUserId(), procedure, data, UUID.randomUUID())
        .applicationNumber();
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = ? AND number = ?",
        String.class, DEMO, number);
    BulkyWasteApplications.runJobs(management, instance);
    return instance;
  }

  /** A clerk enters a paper application through the REST API, naming the resident's LINE account. */
  private String counter() throws Exception {
    HttpResponse<String> started = http.send(HttpRequest.newBuilder(
            uri("/engine-rest/process-definition/key/bulky-waste-collection/start"))
        .header("Authorization", basic(COUNTER_CLERK)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"variables": {
              "items": {"type": "Json", "value": "[{\\"name\\":\\"ソファ\\",\\"size\\":\\"L\\",\\"quantity\\":1}]"},
              "address": {"value": "デモ市中央1-2-3"}, "applicantName": {"value": "山田 花子"}, "preferredDate1": {"value": "%s"},
              "phone": {"value": "090-1234-5678"}, "residentRef": {"value": "%s"}}}"""
            .formatted(TestDates.daysAhead(14), LineIdTokens.newUserId())))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = json.readTree(started.body()).get("id").asText();
    BulkyWasteApplications.runJobs(management, instance);
    return instance;
  }

  private String task(String instance) {
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private void decide(String instance, Map<String, Object> decision) {
    tasks.complete(task(instance), decision);
    BulkyWasteApplications.runJobs(management, instance);
  }

  private String channel(String instance) {
    return jdbc.queryForObject("SELECT channel FROM application WHERE process_instance_id = ?", String.class, instance);
  }

  JsonNode statistics(String credentials, String query) throws Exception {
    HttpResponse<String> response = get("/api/demo/admin/statistics" + query, credentials, "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  HttpResponse<String> get(String path, String credentials, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET();
    if (credentials != null) {
      request.header("Authorization", basic(credentials));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static long dayCount(JsonNode statistics, String day, String field) {
    for (JsonNode entry : statistics.get("applicationsByDay")) {
      if (entry.get("period").asText().equals(day)) {
        return entry.get(field).asLong();
      }
    }
    throw new AssertionError("no day " + day);
  }

  private static Map<String, Long> statusCounts(JsonNode statistics) {
    Map<String, Long> counts = new HashMap<>();
    statistics.get("statuses").forEach(entry -> counts.put(entry.get("procedureKey").asText() + "|"
        + entry.get("status").asText() + "|" + entry.get("open").asBoolean(), entry.get("count").asLong()));
    return counts;
  }

  private static Map<String, Long> plus(Map<String, Long> base, Map<String, Long> delta) {
    Map<String, Long> sum = new HashMap<>(base);
    delta.forEach((key, value) -> sum.merge(key, value, Long::sum));
    return sum;
  }

  private static long outcome(JsonNode statistics, String field) {
    return sum(statistics.get("returnsAndWithdrawals"), "bulky-waste-collection", field);
  }

  private static long finished(JsonNode statistics) {
    return sum(statistics.get("processingTimes"), "bulky-waste-collection", "finished");
  }

  private static long payments(JsonNode statistics, String field) {
    return sum(statistics.get("payments"), "resident-certificate", field);
  }

  private static long sum(JsonNode rows, String procedure, String field) {
    long sum = 0;
    for (JsonNode row : rows) {
      if (row.get("procedureKey").asText().equals(procedure)) {
        sum += row.get(field).asLong();
      }
    }
    return sum;
  }

  private static long lineDay(JsonNode statistics, String field) {
    String today = LocalDate.now(JST).toString();
    for (JsonNode day : statistics.get("lineFollowers").get("days")) {
      if (day.get("date").asText().equals(today)) {
        return day.get(field).asLong();
      }
    }
    return 0;
  }

  private static JsonNode departmentRow(JsonNode statistics) {
    for (JsonNode row : statistics.get("overdueTasks")) {
      if (row.get("department").asText().equals("waste-section")) {
        return row;
      }
    }
    throw new AssertionError("no row of waste-section in " + statistics.get("overdueTasks"));
  }

  private static long department(JsonNode statistics, String field) {
    for (JsonNode row : statistics.get("overdueTasks")) {
      if (row.get("department").asText().equals("waste-section")) {
        return row.get(field).asLong();
      }
    }
    return 0;
  }
}
