package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.StaffRequests.Staff;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * One bulky-waste application of デモ市 under review, claimed and commented on by its clerk: what the
 * outsider sweeps ({@link EngineRestLeakTests}, {@link EngineRestWriteTests}) aim at.
 */
record FiledApplication(String instance, String task, String execution, String definition, String number,
    String applicant, String comment) {

  private static final Staff WASTE_CLERK = new Staff("demo-clerk", IntegrationTest.DEMO_CLERK_PASSWORD);

  /** @param applicantPrefix the start of an applicant's name no other application has */
  static FiledApplication file(ProcessEngine engine, int port, String applicantPrefix) throws Exception {
    String applicant = applicantPrefix + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance instance = TenantContext.callAs(IntegrationTest.DEMO, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()
            .putValue("applicantName", applicant)));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    StaffRequests staff = new StaffRequests(port);
    String comment = "内部メモ " + UUID.randomUUID();
    assertThat(staff.post(WASTE_CLERK, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"demo-clerk\"}")
        .statusCode()).isEqualTo(204);
    assertThat(staff.post(WASTE_CLERK, "/engine-rest/task/" + task.getId() + "/comment/create",
        new ObjectMapper().writeValueAsString(Map.of("message", comment))).statusCode()).isEqualTo(200);
    String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey();
    return new FiledApplication(instance.getId(), task.getId(), task.getExecutionId(),
        instance.getProcessDefinitionId(), number, applicant, comment);
  }

  List<String> secrets() {
    return List.of(applicant, comment);
  }

  List<String> ids() {
    return List.of(instance, task, execution);
  }
}
