package jp.madoguchi.audit;

import static jp.madoguchi.LineIdTokens.DEMO_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.TestDates;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the access and operation logs keep, how they are searched, and the CSV a spreadsheet opens safely. */
class AuditLogTests extends IntegrationTest {

  private static final String APPLY = """
      {"procedureKey": "bulky-waste-collection", "clientRequestId": "%%s", "data": {
        "items": [{"name": "ソファ", "size": "L", "quantity": 1}], "address": "デモ市中央1-2-3",
        "applicantName": "山田 花子", "preferredDate1": "%s", "phone": "090-1234-5678"}}""".formatted(TestDates.daysAhead(14));

  @LocalServerPort int port;
  @Autowired AuditLog auditLog;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired ApplicationEventPublisher events;
  private StaffHttp http;

  @BeforeEach
  void client() {
    http = new StaffHttp(port);
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
  }

  private JsonNode log(String path) throws Exception {
    auditLog.flush(Duration.ofSeconds(10));
    HttpResponse<String> response = http.basic("GET", path, "demo-admin", DEMO_ADMIN_PASSWORD, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void shouldLogAResidentsReadOfTheirApplicationUnderAPseudonymWithItsNumber() throws Exception {
    String resident = LineIdTokens.newUserId();
    String bearer = "Bearer " + LineIdTokens.LINE.token(DEMO_CHANNEL, resident);
    // LINE's key set comes from the local stand-in; on a busy machine its first fetch may time out once
    for (int attempt = 0; attempt < 5 && http.basic("GET", "/api/demo/applications", null, null, null,
        "Authorization", bearer).statusCode() != 200; attempt++) {
      Thread.sleep(500);
    }
    HttpResponse<String> filed = http.basic("POST", "/api/demo/applications", null, null,
        APPLY.formatted(UUID.randomUUID()), "Authorization", bearer);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String number = json.readTree(filed.body()).get("applicationNumber").asText();
    assertThat(http.basic("GET", "/api/demo/applications/" + number, null, null, null, "Authorization", bearer)
        .statusCode()).isEqualTo(200);

    JsonNode entries = log("/api/demo/admin/access-log?applicationNumber=" + number).get("items");
    assertThat(entries).hasSize(2); // the list before (GET /applications) concerns no one application
    JsonNode read = entries.get(0);
    assertThat(read.get("kind").asText()).isEqualTo("personal-data.read");
    assertThat(read.get("personalDataRead").asBoolean()).isTrue();
    assertThat(read.get("route").asText()).isEqualTo("/api/{tenant}/applications/{number}");
    assertThat(read.get("method").asText()).isEqualTo("GET");
    assertThat(read.get("status").asInt()).isEqualTo(200);
    assertThat(read.get("occurredAt").asText()).endsWith("+09:00");
    assertThat(read.get("account").asText()).startsWith("resident:").isEqualTo(entries.get(1).get("account").asText());
    assertThat(entries.get(1).get("route").asText()).isEqualTo("/api/{tenant}/applications");
    // the LINE id is nowhere in the log, the pseudonym is not it
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE actor LIKE ? OR route LIKE ? OR details LIKE ?",
        Long.class, "%" + resident + "%", "%" + resident + "%", "%" + resident + "%")).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE route LIKE '%" + number + "%'", Long.class))
        .isZero();
  }

  @Test
  void shouldLogStaffAccountsRefusedLoginsAndEngineOperations() throws Exception {
    http.basic("GET", "/engine-rest/task", "demo-clerk", "Not-Her-Password-1!", null, "X-Forwarded-For", "198.51.100.77");
    http.basic("GET", "/engine-rest/task", "Secret-Typed-As-Name!", "x", null, "X-Forwarded-For", "198.51.100.78");
    JsonNode failed = log("/api/demo/admin/access-log?kind=login.failed&account=demo-clerk").get("items");
    assertThat(failed).isNotEmpty();
    assertThat(failed.get(0).get("sourceAddress").asText()).isEqualTo("198.51.100.77");
    assertThat(failed.get(0).get("route").asText()).isEqualTo("/engine-rest/task");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE actor = 'Secret-Typed-As-Name!'", Long.class))
        .as("an unknown account name may be a password typed in the wrong field").isZero();

    HttpResponse<String> started = http.basic("POST", "/engine-rest/process-definition/key/bulky-waste-collection/start",
        "demo-admin", DEMO_ADMIN_PASSWORD, """
        {"variables": {
          "items": {"type": "Json", "value": "[{\\"name\\":\\"ソファ\\",\\"size\\":\\"L\\",\\"quantity\\":1}]"},
          "address": {"value": "デモ市中央1-2-3"}, "applicantName": {"value": "山田 花子"}, "preferredDate1": {"value": "%s"},
          "phone": {"value": "090-1234-5678"}}}""".formatted(TestDates.daysAhead(14)));
    String number = json.readTree(started.body()).get("businessKey").asText();
    String instance = json.readTree(started.body()).get("id").asText();
    jp.madoguchi.BulkyWasteApplications.runJobs(management, instance);
    String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    assertThat(http.basic("POST", "/engine-rest/task/" + taskId + "/claim", "demo-clerk", DEMO_CLERK_PASSWORD,
        "{\"userId\":\"demo-clerk\"}").statusCode()).isEqualTo(204);
    JsonNode claim = log("/api/demo/admin/operation-log?kind=engine.task&applicationNumber=" + number).get("items");
    assertThat(claim).isNotEmpty();
    assertThat(claim.get(0).get("kind").asText()).isEqualTo("engine.task.claim");
    assertThat(claim.get(0).get("account").asText()).isEqualTo("demo-clerk");
    assertThat(claim.get(0).get("target").asText()).isEqualTo("task:" + taskId);

    JsonNode together = log("/api/demo/admin/audit-log?account=demo-clerk&size=500").get("items");
    assertThat(together.findValuesAsText("category")).contains("ACCESS", "OPERATION");
  }

  @Test
  void shouldStreamEveryMatchAsCsvThatExcelOpensAndCannotRun() throws Exception {
    events.publishEvent(new jp.madoguchi.audit.OperationEvent(DEMO, "demo-admin", "test.csv", "=HYPERLINK(\"http://x\")",
        Map.of("note", "+1", "other", "@SUM(A1)")));
    events.publishEvent(new jp.madoguchi.audit.OperationEvent(DEMO, "demo-admin", "test.csv", "-2+3", Map.of()));
    auditLog.flush(Duration.ofSeconds(10));
    HttpResponse<String> csv = http.basic("GET", "/api/demo/admin/operation-log?kind=test.csv", "demo-admin",
        DEMO_ADMIN_PASSWORD, null, "Accept", "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\uFEFF日時(JST),");
    List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.body().substring(1))).getRecords();
    assertThat(records).hasSize(2);
    assertThat(records.get(0).get("対象")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(records.get(0).get("詳細")).startsWith("{");
    assertThat(records.get(1).get("対象")).isEqualTo("'-2+3");
    assertThat(records.get(0).get("区分")).isEqualTo("OPERATION");
    assertThat(records.get(0).get("日時(JST)")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    assertThat(CsvCells.text("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvCells.text("\rcmd")).isEqualTo("'\rcmd");
    assertThat(CsvCells.text("plain")).isEqualTo("plain");
  }

  @Test
  void shouldShowLogsToTheTenantsOwnAdminOnly() throws Exception {
    for (String path : List.of("/api/demo/admin/access-log", "/api/demo/admin/operation-log",
        "/api/demo/admin/audit-chain/verify", "/api/demo/admin/audit-retention")) {
      assertThat(http.basic("GET", path, "demo-clerk", DEMO_CLERK_PASSWORD, null).statusCode()).as(path).isEqualTo(403);
      assertThat(http.basic("GET", path, "demo-chief", "Madoguchi-Chief-2026!", null).statusCode()).as(path).isEqualTo(403);
      assertThat(http.basic("GET", path, "kita-admin", "Hokubu-Admin-2026!", null).statusCode()).as(path).isEqualTo(403);
      assertThat(http.basic("GET", path, "test-operator", "Operator-Pass-2026!", null).statusCode()).as(path).isEqualTo(403);
      assertThat(http.basic("GET", path, "demo-admin", DEMO_ADMIN_PASSWORD, null).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(http.basic("GET", "/api/demo/admin/access-log?from=yesterday", "demo-admin", DEMO_ADMIN_PASSWORD, null)
        .statusCode()).isEqualTo(400);
    assertThat(http.basic("GET", "/api/demo/admin/audit-chain/verify?seq=1", "demo-admin", DEMO_ADMIN_PASSWORD, null)
        .statusCode()).as("a checkpoint needs both").isEqualTo(400);
    assertThat(http.basic("GET", "/api/demo/admin/audit-chain/verify?seq=1&hash=" + "0".repeat(64), "demo-admin",
        DEMO_ADMIN_PASSWORD, null).body()).contains("\"checkpoint\":{\"seq\":1");
    assertThat(http.basic("GET", "/api/operator/audit-chain/verify?seq=-1&hash=" + "0".repeat(64), "test-operator",
        "Operator-Pass-2026!", null).statusCode()).isEqualTo(400);
    assertThat(http.basic("GET", "/api/demo/admin/access-log?size=100000", "demo-admin", DEMO_ADMIN_PASSWORD, null)
        .statusCode()).isEqualTo(400);
    for (String outOfRange : List.of("from=-5000-01-01T00:00:00Z", "from=-999999999-01-01", "to=-9999-01-01")) {
      assertThat(http.basic("GET", "/api/demo/admin/audit-log?" + outOfRange, "demo-admin", DEMO_ADMIN_PASSWORD, null)
          .statusCode()).as(outOfRange).isEqualTo(400);
    }
  }

  @Test
  void shouldRecordAllowListChangesAndRefuseOneThatLocksTheAdminOut() throws Exception {
    HttpResponse<String> lockout = http.basic("PUT", "/api/demo/admin/ip-allow-list", "demo-admin", DEMO_ADMIN_PASSWORD,
        "{\"cidrs\":[\"192.0.2.0/24\"]}");
    assertThat(lockout.statusCode()).isEqualTo(409);
    assertThat(lockout.body()).contains("confirmLockout").contains("127.0.0.1");
    HttpResponse<String> badRange = http.basic("PUT", "/api/demo/admin/ip-allow-list", "demo-admin", DEMO_ADMIN_PASSWORD,
        "{\"cidrs\":[\"10.0.0.0/33\"]}");
    assertThat(badRange.statusCode()).isEqualTo(400);
    assertThat(badRange.body()).contains("「10.0.0.0/33」のプレフィックス長は 32 以下にしてください", "out of range");
    HttpResponse<String> changed = http.basic("PUT", "/api/demo/admin/ip-allow-list", "demo-admin", DEMO_ADMIN_PASSWORD,
        "{\"cidrs\":[\"127.0.0.0/8\",\"::1/128\",\"192.0.2.0/24\"]}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    http.basic("PUT", "/api/demo/admin/ip-allow-list", "demo-admin", DEMO_ADMIN_PASSWORD,
        "{\"cidrs\":[\"127.0.0.0/8\",\"::1/128\"]}");
    JsonNode entries = log("/api/demo/admin/operation-log?kind=ip-allow-list.changed").get("items");
    assertThat(entries.get(1).get("details").asText()).contains("192.0.2.0/24");
    assertThat(http.basic("PUT", "/api/demo/admin/ip-allow-list", "kita-admin", "Hokubu-Admin-2026!",
        "{\"cidrs\":[]}").statusCode()).isEqualTo(403);
  }
}
