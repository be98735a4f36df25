package jp.madoguchi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.StaffRequests.Staff;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff cannot change what a resident applied for outside a task form: every way /engine-rest offers
 * to write a variable is refused (PUT /task/{id}/variables/address answered 204 before), and completing
 * a task takes only that task form's fields.
 */
class ApplicationDataWriteTests extends IntegrationTest {

  private static final String ADDRESS = "{\"value\": \"どこか別の住所\", \"type\": \"String\"}";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  private StaffRequests http;
  private Applications applications;

  @BeforeEach
  void client() {
    http = new StaffRequests(port);
    applications = new Applications(engine, jdbc);
  }

  @Test
  void shouldRefuseEveryVariableWriteOfTheDepartmentAndTheTenantAdmin() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.BULKY_WASTE);
    String task = "/engine-rest/task/" + application.taskId();
    String instance = "/engine-rest/process-instance/" + application.id();
    String modification = "{\"modifications\": {\"address\": " + ADDRESS + "}}";

    for (Staff staff : List.of(Staffs.WASTE, Staffs.DEMO_ADMIN)) {
      assertThat(http.put(staff, task + "/variables/address", ADDRESS).statusCode()).as(staff.id()).isEqualTo(403);
      assertThat(http.put(staff, task + "/localVariables/address", ADDRESS).statusCode()).isEqualTo(403);
      assertThat(http.post(staff, task + "/variables", modification).statusCode()).isEqualTo(403);
      assertThat(http.delete(staff, task + "/variables/address").statusCode()).isEqualTo(403);
      assertThat(http.put(staff, instance + "/variables/address", ADDRESS).statusCode()).isEqualTo(403);
      assertThat(http.post(staff, instance + "/variables", modification).statusCode()).isEqualTo(403);
      assertThat(http.delete(staff, instance + "/variables/phone").statusCode()).isEqualTo(403);
      assertThat(http.post(staff, "/engine-rest/execution/" + application.id() + "/localVariables", modification)
          .statusCode()).isEqualTo(403);
      assertThat(http.post(staff, instance + "/modification", """
          {"instructions": [{"type": "startBeforeActivity", "activityId": "Task_ReviewApplication",
            "variables": {"address": %s}}]}""".formatted(ADDRESS)).statusCode()).isEqualTo(403);
      assertThat(http.post(staff, "/engine-rest/signal", """
          {"name": "anything", "executionId": "%s", "variables": {"address": %s}}""".formatted(application.id(), ADDRESS))
          .statusCode()).as("a signal to the instance").isIn(403, 404);
    }
    assertThat(engine.getRuntimeService().getVariable(application.id(), "address")).isEqualTo("デモ市中央1-2-3");
    assertThat(engine.getRuntimeService().getVariable(application.id(), "phone")).isEqualTo("090-1234-5678");
  }

  @Test
  void shouldRefuseAMessageThatWouldCarryNewDataIntoAWaitingApplication() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.CHILD_ALLOWANCE);

    HttpResponse<String> withdrawal = http.post(Staffs.CHILD, "/engine-rest/message", """
        {"messageName": "WithdrawalRequested", "processInstanceId": "%s",
         "processVariables": {"accountNumber": {"value": "7654321"}}}""".formatted(application.id()));

    assertThat(withdrawal.statusCode()).isEqualTo(403);
    assertThat(engine.getRuntimeService().getVariable(application.id(), "accountNumber")).isEqualTo("0123456");
  }

  @Test
  void shouldCompleteATaskOnlyWithTheFieldsOfItsForm() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.BULKY_WASTE);
    String complete = "/engine-rest/task/" + application.taskId() + "/complete";
    String reject = "\"decision\": {\"value\": \"reject\"}, \"rejectReason\": {\"value\": \"対象外の品目です。\"}";

    HttpResponse<String> withAddress = http.post(Staffs.WASTE, complete,
        "{\"variables\": {" + reject + ", \"address\": " + ADDRESS + "}}");
    HttpResponse<String> viaSubmitForm = http.post(Staffs.WASTE, "/engine-rest/task/" + application.taskId()
        + "/submit-form", "{\"variables\": {" + reject + ", \"phone\": {\"value\": \"000\"}}}");
    HttpResponse<String> asBpmnError = http.post(Staffs.WASTE, "/engine-rest/task/" + application.taskId()
        + "/bpmnError", "{\"errorCode\": \"x\", \"variables\": {\"address\": " + ADDRESS + "}}");

    assertThat(withAddress.statusCode()).isEqualTo(400);
    assertThat(json.readTree(withAddress.body()).get("fields")).extracting(field -> field.asText())
        .containsExactly("address");
    assertThat(withAddress.body()).contains("申請内容は変更できません");
    assertThat(viaSubmitForm.statusCode()).isEqualTo(400);
    assertThat(asBpmnError.statusCode()).isEqualTo(400);
    // Camunda serves the same resources under the named engine's path, which no path rule knows
    for (String prefix : List.of("/engine-rest/engine/default", "/engine-rest/engine/other")) {
      HttpResponse<String> viaNamedEngine = http.post(Staffs.WASTE, prefix + "/task/" + application.taskId()
          + "/complete", "{\"variables\": {" + reject + ", \"address\": " + ADDRESS + "}}");
      assertThat(viaNamedEngine.statusCode()).as(prefix).isEqualTo(404);
      assertThat(viaNamedEngine.body()).contains("NotFound");
    }
    assertThat(http.post(Staffs.OPERATOR, "/engine-rest/engine/default/identity/verify",
        "{\"username\": \"demo-clerk\", \"password\": \"guess\"}").statusCode()).isEqualTo(404);
    assertThat(http.get(Staffs.WASTE, "/engine-rest/engine").body()).contains("default");
    assertThat(engine.getTaskService().createTaskQuery().taskId(application.taskId()).count()).isOne();

    assertThat(http.post(Staffs.WASTE, complete, "{\"variables\": {" + reject + "}}").statusCode()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(application.id())
        .variableName("address").singleResult().getValue()).isEqualTo("デモ市中央1-2-3");
  }

  @Test
  void shouldFileInAResidentsNameOnlyForTheLinkingClerksOfTheProceduresDepartment() throws Exception {
    String start = "/engine-rest/process-definition/key/bulky-waste-collection/start";
    String resident = jp.madoguchi.LineIdTokens.newUserId();
    String body = """
        {"variables": {
          "items": {"type": "Json", "value": "[{\\"name\\":\\"ソファ\\",\\"size\\":\\"L\\",\\"quantity\\":1}]"},
          "address": {"value": "デモ市中央1-2-3"}, "applicantName": {"value": "山田 花子"}, "preferredDate1": {"value": "%s"},
          "phone": {"value": "090-1234-5678"}, "residentRef": {"value": "%s"}}}""".formatted(TestDates.daysAhead(14), resident);
    long applications = countOf(resident);

    for (Staff staff : List.of(Staffs.WASTE, Staffs.DEMO_ADMIN)) {
      assertThat(http.post(staff, start, body).statusCode()).as(staff.id()).isEqualTo(403);
    }
    for (Staff staff : List.of(Staffs.LINKING_CHIEF, Staffs.CHIEF, Staffs.CITIZEN)) {
      assertThat(http.post(staff, start, body).statusCode()).as(staff.id() + " does not see the procedure")
          .isEqualTo(404);
    }
    assertThat(http.post(Staffs.DEMO_ADMIN, start, body).body()).contains("resident-linking");
    assertThat(countOf(resident)).isEqualTo(applications);

    HttpResponse<String> linked = http.post(Staffs.COUNTER, start, body);
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    assertThat(countOf(resident)).isEqualTo(applications + 1);
    assertThat(http.post(Staffs.WASTE, start, body.replace(", \"residentRef\": {\"value\": \"" + resident + "\"}", ""))
        .statusCode()).as("a counter application without a resident").isEqualTo(200);
  }

  private long countOf(String resident) {
    return jdbc.queryForObject("SELECT count(*) FROM application WHERE resident_ref = ?", Long.class, resident);
  }
}
