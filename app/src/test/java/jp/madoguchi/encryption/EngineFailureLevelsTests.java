package jp.madoguchi.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.ChildAllowanceApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.LogCapture;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.StaffRequests.Staff;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A clerk asking for a task that is gone (a colleague completed it, a stale Tasklist tab) or is
 * another municipality's is the clerk's request, not a fault: it was an ERROR with a stack trace
 * each time, so any signed-in account could fill the log with alarms.
 */
class EngineFailureLevelsTests extends IntegrationTest {

  private static final Staff KITA_CLERK = new Staff("kita-clerk", KITA_CLERK_PASSWORD);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void shouldLogACallerAskingForAnIdItCannotSeeAsOneInfoLine() throws Exception {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    String demosTask = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getId();
    StaffRequests http = new StaffRequests(port);
    String log;

    try (LogCapture capture = LogCapture.atInfo()) {
      assertThat(http.get(KITA_CLERK, "/engine-rest/task/" + demosTask + "/variables").statusCode()).isEqualTo(404);
      assertThat(http.get(KITA_CLERK, "/engine-rest/task/" + UUID.randomUUID() + "/variables").statusCode())
          .isEqualTo(404);
      log = capture.text();
    }

    assertThat(Arrays.stream(log.split("\n")).filter(line -> line.contains("EngineFailures")))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains(" INFO ", "Engine command refused"))
        .anySatisfy(line -> assertThat(line).contains("ENGINE-13034"));
    assertThat(log).doesNotContain("\tat org.camunda");
  }

  @Test
  void shouldNotLogARuleRefusingAStaffMemberAsAnError() throws Exception {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("child-allowance", ChildAllowanceApplications.valid(LineIdTokens.newUserId())));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    String review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    String log;

    try (LogCapture capture = LogCapture.atInfo()) {
      // the chief sees the procedure's tasks, but the review is the child section's (access.TaskWorkers)
      HttpResponse<String> claim = new StaffRequests(port).post(new Staff("demo-chief", "Madoguchi-Chief-2026!"),
          "/engine-rest/task/" + review + "/claim", "{\"userId\": \"demo-chief\"}");
      assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
      log = capture.text();
    }

    assertThat(log).doesNotContain(" ERROR ", "\tat org.camunda");
  }

  @Test
  void shouldLogASearchForAValueTheEngineCannotSearchForAsOneInfoLine() throws Exception {
    String log;

    try (LogCapture capture = LogCapture.atInfo()) {
      HttpResponse<String> search = new StaffRequests(port).post(new Staff("demo-clerk", "Madoguchi-Clerk-2026!"),
          "/engine-rest/task", "{\"processVariables\": [{\"name\": \"a\", \"operator\": \"eq\", \"value\": {\"x\": 1}}]}");
      assertThat(search.statusCode()).as(search.body()).isEqualTo(400);
      log = capture.text();
    }

    assertThat(Arrays.stream(log.split("\n")).filter(line -> line.contains("EngineFailures")))
        .singleElement().asString().contains(" INFO ", "Engine command refused");
    assertThat(log).doesNotContain(" ERROR ", "\tat org.camunda");
  }

  @Test
  void shouldLogAFailureTheRestApiAnsweredAsTheCallersMistakeAsOneInfoLine() throws Exception {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    String log;

    try (LogCapture capture = LogCapture.atInfo()) {
      HttpResponse<String> error = new StaffRequests(port).post(new Staff("demo-clerk", "Madoguchi-Clerk-2026!"),
          "/engine-rest/task/" + task + "/bpmnError", "{\"errorCode\": \"no-such-error\"}");
      assertThat(error.statusCode()).as(error.body()).isEqualTo(400);
      log = capture.text();
    }

    assertThat(Arrays.stream(log.split("\n")).filter(line -> line.contains("EngineFailures")))
        .singleElement().asString().contains(" INFO ", "Engine command refused (HTTP 400)", "no-such-error");
    assertThat(log).doesNotContain(" ERROR ", "\tat org.camunda");
  }

  @Test
  void shouldLogAFailureOfARequestAnsweredWithAServerErrorAsAnError() throws Exception {
    String log;

    try (LogCapture capture = LogCapture.atInfo()) {
      new EngineFailuresOfRequests().doFilter(new MockHttpServletRequest("POST", "/engine-rest/x"),
          new MockHttpServletResponse(), (request, response) -> {
            EngineFailuresOfRequests.defer(new IllegalStateException("a fault of the server"));
            ((MockHttpServletResponse) response).setStatus(500);
          });
      log = capture.text();
    }

    assertThat(log).contains("ERROR [" + Thread.currentThread().getName() + "] jp.madoguchi.encryption.EngineFailures: "
        + "Engine command failed", "a fault of the server");
  }

  @Test
  void shouldKeepTheSameFailureInAJobAnError() {
    String log;

    try (LogCapture capture = LogCapture.atInfo()) {
      Context.setJobExecutorContext(new JobExecutorContext());
      try {
        assertThatThrownBy(() -> engine.getTaskService().getVariables(UUID.randomUUID().toString()))
            .isInstanceOf(NullValueException.class);
      } finally {
        Context.removeJobExecutorContext();
      }
      log = capture.text();
    }

    assertThat(log).contains("ERROR [" + Thread.currentThread().getName() + "] jp.madoguchi.encryption.EngineFailures: "
        + "Engine command failed");
  }
}
