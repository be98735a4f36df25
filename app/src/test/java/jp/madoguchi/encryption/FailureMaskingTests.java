package jp.madoguchi.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jp.madoguchi.Diagrams;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LogCapture;
import jp.madoguchi.Markers;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A failing step whose error quotes the resident's value (JUEL: "Cannot coerce '…' to …"): the value
 * is masked in what the caller gets, in the job's message and stack trace, the job log, the incident
 * and the application log.
 */
class FailureMaskingTests extends IntegrationTest {

  private static final String FAILING = """
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://madoguchi.jp/test">
        <bpmn:process id="failure-masking-check" name="失敗の記録の確認" isExecutable="true"
            camunda:historyTimeToLive="365">
          <bpmn:extensionElements><camunda:properties>
            <camunda:property name="confidentiality" value="2" />
            <camunda:property name="personalData" value="personal" />
            <camunda:property name="retentionYears" value="1" />
          </camunda:properties></bpmn:extensionElements>
          <bpmn:startEvent id="Event_Start" name="開始" />
          <bpmn:sequenceFlow id="Flow_ToCount" sourceRef="Event_Start" targetRef="Task_Count" />
          <bpmn:serviceTask id="Task_Count" name="数える" camunda:asyncBefore="true" camunda:expression="${secret + 1}"
              camunda:resultVariable="count" />
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Count" targetRef="Event_End" />
          <bpmn:endEvent id="Event_End" name="終了" />
        </bpmn:process>
      </bpmn:definitions>""";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @Test
  void shouldMaskTheValuesAFailureQuotesWhereverItIsKept() {
    repository.createDeployment().tenantId(DEMO).addString("failure-masking-check.bpmn", Diagrams.drawn(FAILING)).deploy();
    Markers markers = new Markers();
    String secret = markers.text("secret");
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(
        "failure-masking-check", Map.of("secret", secret)));
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    management.setJobRetries(job.getId(), 2);
    String log;

    try (LogCapture capture = LogCapture.atInfo()) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).satisfies(failure ->
          assertThat(failure).hasMessageContaining("Cannot coerce").hasMessageContaining(FailureRedaction.MASK)
              .hasMessageNotContaining(secret));
      assertThatThrownBy(() -> management.executeJob(job.getId()));
      log = capture.text();
    }

    Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getExceptionMessage()).contains(FailureRedaction.MASK);
    Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    HistoricJobLog failure = history.createHistoricJobLogQuery().jobId(job.getId()).failureLog().list().get(0);
    assertThat(log).contains("Cannot coerce");
    Map<String, String> kept = Map.of(
        "job message", failed.getExceptionMessage(),
        "job stack trace", management.getJobExceptionStacktrace(job.getId()),
        "incident", incident.getIncidentMessage(),
        "job log message", failure.getJobExceptionMessage(),
        "job log stack trace", history.getHistoricJobLogExceptionStacktrace(failure.getId()),
        "application log", log);
    assertThat(ClearTextScan.find(markers.all(), kept)).isEmpty();
  }
}
