package jp.madoguchi.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.FullJourneys;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.Markers;
import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Retention end to end with the engine's clock moved on: every procedure's application is kept
 * {@code retentionYears} (5) years from its completion, then the engine's history cleanup removes its
 * history and the app removes its own rows, and the operation log is told. Runs in its own JVM: it
 * moves the engine's clock by years and empties the history of every instance ended before.
 */
@Tag("own-jvm")
@RecordApplicationEvents
class RetentionTests extends IntegrationTest {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final List<String> HISTORY_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
      "act_hi_varinst", "act_hi_detail", "act_hi_comment", "act_hi_identitylink", "act_hi_op_log", "act_hi_job_log",
      "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out", "act_hi_incident", "act_ge_bytearray");
  private static final List<String> APP_TABLES = List.of("attachment", "document", "payment", "identity_request",
      "notification_outbox", "resident_action_request");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ExpiredApplications expired;
  @Autowired jp.madoguchi.procedure.ProcedureLabels labels;
  @Autowired ApplicationEvents events;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRemoveAnApplicationWithItsHistoryItsRetentionAfterCompletion() throws Exception {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    FullJourneys journeys = new FullJourneys(port, jdbc, runtime, tasks, management, json, new Markers());
    journeys.fetchLineKeys();
    List<String> completed = List.of(journeys.bulkyWaste(LineIdTokens.newUserId()),
        journeys.residentCertificate(LineIdTokens.newUserId()), journeys.childAllowance(LineIdTokens.newUserId()),
        journeys.roadDamage(LineIdTokens.newUserId()));
    ProcessInstance open = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey("bulky-waste-collection",
        BulkyWasteApplications.valid()));
    List<String> instances = completed.stream().map(journeys::instance).toList();
    UUID[] applications = jdbc.queryForList("SELECT id FROM application WHERE number = ANY (?)", UUID.class,
        (Object) completed.toArray(String[]::new)).toArray(UUID[]::new);
    List<String> callbackRefs = jdbc.queryForList("SELECT provider_ref FROM payment WHERE application_id = ANY (?) "
        + "UNION SELECT provider_ref FROM identity_request WHERE application_id = ANY (?)", String.class,
        applications, applications);
    assertThat(appRows(applications)).as("files, documents, payments, identity, messages").isGreaterThan(10);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM callback_event WHERE reference = ANY (?)", Long.class,
        (Object) callbackRefs.toArray(String[]::new))).isPositive();

    Date latestRemoval = null;
    Date earliestRemoval = null;
    for (String instance : instances) {
      HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
      int years = labels.retentionYears(ended.getProcessDefinitionId());
      Date due = Date.from(ended.getEndTime().toInstant().atZone(JAPAN).plusYears(years).toInstant());
      assertThat(ended.getRemovalTime()).as("%s: %d years after completion", ended.getProcessDefinitionKey(), years)
          .isEqualTo(due);
      latestRemoval = latestRemoval == null || due.after(latestRemoval) ? due : latestRemoval;
      earliestRemoval = earliestRemoval == null || due.before(earliestRemoval) ? due : earliestRemoval;
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("child-allowance").latestVersion()
        .singleResult().getHistoryTimeToLive()).as("derived from retentionYears").isEqualTo(5 * 365);

    ClockUtil.setCurrentTime(Date.from(earliestRemoval.toInstant().minus(java.time.Duration.ofDays(2))));
    cleanUpHistory();
    assertThat(expired.removeExpired()).as("nothing is due before the retention has passed").isZero();
    assertThat(instances).allSatisfy(instance -> assertThat(historyRows(instance)).isPositive());

    ClockUtil.setCurrentTime(new Date(latestRemoval.getTime() + 60_000));
    cleanUpHistory();
    assertThat(instances).allSatisfy(instance -> assertThat(historyRows(instance)).as(instance).isZero());
    assertThat(expired.removeExpired()).isEqualTo(4);

    assertThat(appRows(applications)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM callback_event WHERE reference = ANY (?)", Long.class,
        (Object) callbackRefs.toArray(String[]::new))).isZero();
    for (String number : completed) {
      assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE number = ?", Long.class, number)).isZero();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM application_submission WHERE application_number = ?",
          Long.class, number)).isZero();
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE process_instance_id = ?", Long.class,
        open.getId())).as("an open application is never due").isOne();
    assertThat(historyRows(open.getId())).isPositive();
    List<OperationEvent> removals = events.stream(OperationEvent.class)
        .filter(event -> ExpiredApplications.KIND.equals(event.kind())).toList();
    assertThat(removals).extracting(OperationEvent::target).containsExactlyInAnyOrder("bulky-waste-collection",
        "resident-certificate", "child-allowance", "road-damage-report");
    assertThat(removals).allSatisfy(event -> {
      assertThat(event.tenantId()).isEqualTo(DEMO);
      assertThat(event.actor()).isEqualTo("system");
      assertThat(event.details()).containsEntry("application", "1");
    });
    assertThat(removals).filteredOn(event -> event.target().equals("resident-certificate")).singleElement()
        .satisfies(event -> assertThat(event.details()).containsKeys("payment", "identity_request", "document"));
  }

  @Test
  void shouldRefuseARetentionThatIsNotWholeYears() {
    String bpmn = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://madoguchi.jp/test">
          <bpmn:process id="retention-check" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:extensionElements><camunda:properties>
              <camunda:property name="retentionYears" value="ten" /></camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="Event_Start" />
          </bpmn:process>
        </bpmn:definitions>""";

    assertThatThrownBy(() -> repository.createDeployment().tenantId(KITA).addString("retention-check.bpmn", bpmn).deploy())
        .as("refused by the deploy guard, which the REST API answers with 400")
        .isInstanceOf(jp.madoguchi.procedure.DeploymentRefusedException.class)
        .hasMessageContaining("retentionYears");
  }

  /** The engine's own history cleanup, as its nightly job runs it, until nothing more is due. */
  private void cleanUpHistory() {
    for (int round = 0; round < 10; round++) {
      Job cleanup = history.cleanUpHistoryAsync(true);
      management.executeJob(cleanup.getId());
    }
  }

  private long historyRows(String instance) {
    return HISTORY_TABLES.stream().mapToLong(table -> jdbc.queryForObject("SELECT count(*) FROM " + table
        + " WHERE root_proc_inst_id_ = ?", Long.class, instance)).sum();
  }

  private long appRows(UUID[] applications) {
    return APP_TABLES.stream().mapToLong(table -> jdbc.queryForObject("SELECT count(*) FROM " + table
        + " WHERE application_id = ANY (?)", Long.class, (Object) applications)).sum();
  }
}
