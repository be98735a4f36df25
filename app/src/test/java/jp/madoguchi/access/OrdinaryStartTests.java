package jp.madoguchi.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An application starts at its procedure's start event, where it is registered and checked. Before, a
 * clerk started one at the review step with a forged 受付番号 and a link of their choosing in the
 * colleagues' form ({@code startInstructions}), or reopened a finished one ({@code restart}).
 */
class OrdinaryStartTests extends IntegrationTest {

  private static final String START = "/process-definition/key/bulky-waste-collection/start";
  private static final String FORGED = """
      {"businessKey": "2026-000001",
       "startInstructions": [{"type": "startBeforeActivity", "activityId": "Task_ReviewApplication"}],
       "variables": {"applicantName": {"value": "<img src=x>"}, "attachmentLinks": {"type": "Json",
         "value": "[{\\"url\\":\\"https://evil.example/login\\",\\"n\\":1,\\"image\\":false,\\"name\\":\\"証明書.pdf\\"}]"}}}""";
  private static final String VALID = """
      {"variables": {
        "items": {"type": "Json", "value": "[{\\"name\\":\\"ソファ\\",\\"size\\":\\"L\\",\\"quantity\\":1}]"},
        "applicantName": {"value": "山田 花子"}, "address": {"value": "デモ市中央1-2-3"},
        "preferredDate1": {"value": "%s"}, "phone": {"value": "090-1234-5678"}}""".formatted(TestDates.daysAhead(14));

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  private StaffRequests http;
  private Applications applications;

  @BeforeEach
  void client() {
    http = new StaffRequests(port);
    applications = new Applications(engine, jdbc);
  }

  @Test
  void shouldRefuseAStartAtALaterStepWhicheverWayItIsAskedFor() throws Exception {
    long instances = instances();
    StaffHttp.Browser tasklist = new StaffHttp(port).browser(null);
    tasklist.signIn(Staffs.WASTE.id(), Staffs.WASTE.password());

    List<HttpResponse<String>> refused = List.of(
        http.post(Staffs.WASTE, "/engine-rest" + START, FORGED),
        http.post(Staffs.DEMO_ADMIN, "/engine-rest" + START, FORGED),
        http.post(Staffs.WASTE, "/engine-rest" + START.replace("/start", "/submit-form"), FORGED),
        http.post(Staffs.WASTE, "/engine-rest" + START, VALID + ", \"skipCustomListeners\": true}"),
        http.post(Staffs.WASTE, "/engine-rest" + START, VALID + ", \"skipIoMappings\": true}"),
        tasklist.call("POST", "/camunda/api/engine/engine/default" + START, FORGED));

    for (HttpResponse<String> answer : refused) {
      assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("startInstructions");
    }
    engine.getIdentityService().setAuthentication(Staffs.WASTE.id(), List.of("waste-section"), List.of(DEMO));
    try {
      assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceByKey("bulky-waste-collection")
          .businessKey("2026-000001").startBeforeActivity("Task_ReviewApplication").execute())
          .as("the engine itself, whatever the path").isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(instances()).isEqualTo(instances);
    assertThat(http.post(Staffs.WASTE, "/engine-rest" + START, VALID + "}").statusCode()).as("an ordinary start")
        .isEqualTo(200);
  }

  @Test
  void shouldNotReopenAFinishedApplication() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.BULKY_WASTE);
    engine.getTaskService().complete(application.taskId(), BulkyWasteApplications.rejection());
    for (int round = 0; round < 5; round++) {
      BulkyWasteApplications.runJobs(engine.getManagementService(), application.id());
    }
    HistoricProcessInstance finished = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(application.id()).singleResult();
    assertThat(finished.getEndTime()).isNotNull();
    String restart = """
        {"processInstanceIds": ["%s"],
         "instructions": [{"type": "startBeforeActivity", "activityId": "Task_ReviewApplication"}]}"""
        .formatted(application.id());
    String definition = "/engine-rest/process-definition/" + finished.getProcessDefinitionId();

    HttpResponse<String> sync = http.post(Staffs.WASTE, definition + "/restart", restart);
    HttpResponse<String> async = http.post(Staffs.WASTE, definition + "/restart-async", restart);

    assertThat(sync.statusCode()).as(sync.body()).isEqualTo(403);
    assertThat(sync.body()).contains("やり直し");
    assertThat(async.statusCode()).as(async.body()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(application.number())
        .count()).isZero();
  }

  private long instances() {
    return jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst", Long.class);
  }
}
