package jp.madoguchi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.StaffRequests.Staff;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Jobs through Camunda's REST APIs. The engine's history cleanup job belongs to no procedure, so Camunda
 * checks no permission on it: before, any clerk of any municipality could postpone, suspend, run or
 * delete it and so stop the retention of every municipality. A tenant admin retries their own
 * municipality's failed jobs one by one; another municipality's or department's job ids answer like
 * unknown ones (they answered 500 ENGINE-13034 and a 403 naming the process instance).
 */
class EngineJobTests extends IntegrationTest {

  private static final String NOT_FOUND = "見つかりません。番号を確かめてください";

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
  void shouldLeaveTheHistoryCleanupJobToTheEngine() throws Exception {
    Job cleanup = engine.getHistoryService().findHistoryCleanupJobs().get(0);
    String job = "/engine-rest/job/" + cleanup.getId();

    SoftAssertions softly = new SoftAssertions();
    for (Staff staff : List.of(Staffs.KITA_CLERK, Staffs.WASTE, Staffs.DEMO_ADMIN, Staffs.OPERATOR)) {
      for (HttpResponse<String> answer : List.of(
          http.put(staff, job + "/duedate", "{\"duedate\": \"2099-01-01T00:00:00.000+0900\"}"),
          http.put(staff, job + "/priority", "{\"priority\": -100}"),
          http.put(staff, job + "/retries", "{\"retries\": 0}"),
          http.put(staff, job + "/suspended", "{\"suspended\": true}"),
          http.post(staff, job + "/duedate/recalculate", "{}"),
          http.delete(staff, job))) {
        softly.assertThat(answer.statusCode()).as(staff.id() + " " + answer.request().method() + " " + answer.uri())
            .isEqualTo(404);
        softly.assertThat(answer.body()).contains(NOT_FOUND);
      }
    }
    softly.assertThat(http.post(Staffs.WASTE, job + "/execute", "{}").statusCode()).as("run by hand").isEqualTo(403);
    StaffHttp.Browser tasklist = new StaffHttp(port).browser(null);
    tasklist.signIn(Staffs.WASTE.id(), Staffs.WASTE.password());
    String webapp = "/camunda/api/engine/engine/default/job/" + cleanup.getId();
    for (HttpResponse<String> answer : List.of(tasklist.call("PUT", webapp + "/suspended", "{\"suspended\": true}"),
        tasklist.call("PUT", webapp + "/retries", "{\"retries\": 0}"))) {
      softly.assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(404);
      softly.assertThat(answer.body()).contains(NOT_FOUND);
    }
    softly.assertAll();

    Job after = engine.getManagementService().createJobQuery().jobId(cleanup.getId()).singleResult();
    assertThat(after).as("still there").isNotNull();
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
    assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
    assertThat(after.getPriority()).isEqualTo(cleanup.getPriority());
  }

  @Test
  void shouldLetATenantAdminRetryOnlyTheirOwnMunicipalitysFailedJobs() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.CHILD_ALLOWANCE);
    Job overdueTimer = engine.getManagementService().createJobQuery().processInstanceId(application.id())
        .singleResult();
    engine.getManagementService().setJobRetries(overdueTimer.getId(), 0);
    String job = "/engine-rest/job/" + overdueTimer.getId();
    String unknown = "/engine-rest/job/" + UUID.randomUUID();

    HttpResponse<String> wholeDefinition = http.put(Staffs.KITA_ADMIN, "/engine-rest/job-definition/"
        + overdueTimer.getJobDefinitionId() + "/retries", "{\"retries\": 3}");
    assertThat(wholeDefinition.statusCode()).as("the shared procedure's job definition has demo's job too")
        .isEqualTo(403);
    assertThat(wholeDefinition.body()).contains("PUT /job/{id}/retries");

    SoftAssertions softly = new SoftAssertions();
    for (Staff outsider : List.of(Staffs.KITA_ADMIN, Staffs.WASTE)) {
      for (String write : List.of("/retries", "/duedate", "/priority", "/suspended")) {
        String body = "{\"retries\": 3, \"duedate\": \"2099-01-01T00:00:00.000+0900\", \"priority\": 1, "
            + "\"suspended\": true}";
        HttpResponse<String> existing = http.put(outsider, job + write, body);
        HttpResponse<String> none = http.put(outsider, unknown + write, body);
        softly.assertThat(existing.statusCode()).as(outsider.id() + " PUT " + write + ": " + existing.body())
            .isEqualTo(404);
        softly.assertThat(existing.body()).as(outsider.id() + " PUT " + write).isEqualTo(none.body());
      }
      HttpResponse<String> deleted = http.delete(outsider, job);
      softly.assertThat(deleted.statusCode()).as(outsider.id() + " DELETE: " + deleted.body()).isEqualTo(404);
      softly.assertThat(deleted.body()).isEqualTo(http.delete(outsider, unknown).body());
    }
    softly.assertAll();
    assertThat(engine.getManagementService().createJobQuery().jobId(overdueTimer.getId()).singleResult().getRetries())
        .isZero();

    assertThat(http.put(Staffs.DEMO_ADMIN, job + "/retries", "{\"retries\": 1}").statusCode()).isEqualTo(204);
    assertThat(engine.getManagementService().createJobQuery().jobId(overdueTimer.getId()).singleResult().getRetries())
        .isOne();
  }

  @Test
  void shouldNotLetAnybodyUseUpAJobsRetriesByRunningItByHand() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.CHILD_ALLOWANCE);
    Job overdueTimer = engine.getManagementService().createJobQuery().processInstanceId(application.id())
        .singleResult();
    String execute = "/engine-rest/job/" + overdueTimer.getId() + "/execute";

    for (Staff staff : List.of(Staffs.KITA_ADMIN, Staffs.KITA_ADMIN, Staffs.KITA_ADMIN, Staffs.WASTE, Staffs.DEMO_ADMIN)) {
      HttpResponse<String> answer = http.post(staff, execute, "{}");
      assertThat(answer.statusCode()).as(staff.id() + ": " + answer.body()).isEqualTo(403);
      assertThat(answer.body()).isEqualTo(http.post(staff, "/engine-rest/job/" + UUID.randomUUID() + "/execute", "{}")
          .body());
    }

    Job after = engine.getManagementService().createJobQuery().jobId(overdueTimer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(overdueTimer.getRetries());
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(application.id()).count()).isZero();
  }

  @Test
  void shouldAnswerAnotherDepartmentsIncidentLikeAnUnknownOne() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.CHILD_ALLOWANCE);
    String reviewExecution = engine.getTaskService().createTaskQuery().taskId(application.taskId()).singleResult()
        .getExecutionId();
    Incident incident = engine.getRuntimeService().createIncident("madoguchi-test", reviewExecution, "test");

    HttpResponse<String> existing = http.delete(Staffs.WASTE, "/engine-rest/incident/" + incident.getId());
    HttpResponse<String> unknown = http.delete(Staffs.WASTE, "/engine-rest/incident/" + UUID.randomUUID());

    assertThat(existing.statusCode()).as(existing.body()).isEqualTo(404);
    assertThat(existing.body()).isEqualTo(unknown.body()).doesNotContain(application.id());
  }
}
