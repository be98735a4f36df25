package jp.madoguchi.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.StaffRequests.Staff;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A legal hold keeps a completed application beyond its procedure's 文書保存年限. The README sent
 * operators to Camunda's "set removal time", which no staff role may run (403 for the tenant admin, and
 * the operator sees no application): there was no way to keep an application longer.
 */
class LegalHoldTests extends IntegrationTest {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final Staff ADMIN = new Staff("demo-admin", DEMO_ADMIN_PASSWORD);
  private static final Staff CLERK = new Staff("demo-clerk", DEMO_CLERK_PASSWORD);
  private static final Staff KITA_ADMIN = new Staff("kita-admin", "Hokubu-Admin-2026!");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  private StaffRequests http;

  @BeforeEach
  void client() {
    http = new StaffRequests(port);
  }

  @Test
  void shouldKeepACompletedApplicationLongerAndNeverShorterThanItsProcedure() throws Exception {
    ProcessInstance instance = review();
    String number = number(instance);
    String path = "/api/demo/admin/applications/" + number + "/retention";
    HttpResponse<String> open = http.put(ADMIN, path, "{\"keepUntil\": \"2060-03-31\"}");
    assertThat(open.statusCode()).as(open.body()).isEqualTo(409);

    complete(instance);
    JsonNode before = json.readTree(http.get(ADMIN, path).body());
    Instant procedures = Instant.from(ZonedDateTime.parse(before.get("procedureRemovalTime").asText()));
    assertThat(Instant.from(ZonedDateTime.parse(before.get("removalTime").asText()))).isEqualTo(procedures);
    // the last day the procedure keeps it (its removal time is seldom exactly midnight)
    LocalDate procedureDay = procedures.minusNanos(1).atZone(JAPAN).toLocalDate();

    for (String refused : new String[] {"{\"keepUntil\": \"" + procedureDay.minusDays(1) + "\"}",
        "{\"keepUntil\": \"31.03.2060\"}", "{}", "null", "{\"keepUntil\": \"2999-01-01\"}"}) {
      HttpResponse<String> answer = http.put(ADMIN, path, refused);
      assertThat(answer.statusCode()).as(refused + ": " + answer.body()).isEqualTo(400);
      assertThat(json.readTree(answer.body()).get("message").asText()).isNotBlank();
    }
    assertThat(http.put(CLERK, path, "{\"keepUntil\": \"2060-03-31\"}").statusCode()).isEqualTo(403);
    assertThat(http.put(KITA_ADMIN, path.replace("/demo/", "/kita/"), "{\"keepUntil\": \"2060-03-31\"}").statusCode())
        .as("another municipality's application").isEqualTo(404);
    assertThat(http.get(KITA_ADMIN, path.replace("/demo/", "/kita/")).statusCode()).isEqualTo(404);

    HttpResponse<String> hold = http.put(ADMIN, path, "{\"keepUntil\": \"2060-03-31\"}");
    assertThat(hold.statusCode()).as(hold.body()).isEqualTo(202);
    runBatches();

    Date kept = Date.from(LocalDate.parse("2060-04-01").atStartOfDay(JAPAN).toInstant());
    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getRemovalTime()).isEqualTo(kept);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(HistoricTaskInstance::getRemovalTime).isNotEmpty().containsOnly(kept);
    assertThat(json.readTree(http.get(ADMIN, path).body()).get("removalTime").asText()).startsWith("2060-04-01T00:00");
    assertThat(operationLogged(number)).as("retention.changed in demo's operation log").contains("2060-03-31T15:00:00Z");

    HttpResponse<String> released = http.put(ADMIN, path, "{\"keepUntil\": \"" + procedureDay + "\"}");
    assertThat(released.statusCode()).as("the hold given up: back to the procedure's " + released.body()).isEqualTo(202);
    runBatches();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getRemovalTime().toInstant()).isEqualTo(procedureDay.plusDays(1).atStartOfDay(JAPAN).toInstant());
  }

  /** The details of the application's {@code retention.changed} entries, once the log's writer has them (at most 10 s). */
  private String operationLogged(String number) throws InterruptedException {
    String details = "";
    for (long deadline = System.nanoTime() + 10_000_000_000L; details.isEmpty() && System.nanoTime() < deadline;
        Thread.sleep(100)) {
      details = String.join("\n", jdbc.queryForList("SELECT details FROM audit_entry WHERE tenant_id = 'demo' "
          + "AND category = 'OPERATION' AND kind = 'retention.changed' AND target = ?", String.class, number));
    }
    return details;
  }

  private ProcessInstance review() {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    return instance;
  }

  private void complete(ProcessInstance instance) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    engine.getTaskService().complete(task, BulkyWasteApplications.rejection());
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .as("completed").isZero();
  }

  private String number(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey();
  }

  /** The job executor is off in tests: the batches' seed, execution and monitor jobs run here. */
  private void runBatches() {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 10 && management.createBatchQuery().count() > 0; round++) {
      for (Batch batch : management.createBatchQuery().list()) {
        for (String definition : new String[] {batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
            batch.getMonitorJobDefinitionId()}) {
          for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
            management.executeJob(job.getId());
          }
        }
      }
    }
  }
}
