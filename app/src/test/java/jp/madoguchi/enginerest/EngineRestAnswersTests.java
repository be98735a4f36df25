package jp.madoguchi.enginerest;

import java.net.http.HttpResponse;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.StaffRequests.Staff;
import jp.madoguchi.procedure.TenantContext;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Answers of Camunda's REST APIs that told more than the caller may know: reports counting every
 * municipality's applications of a shared procedure (they answered 200 with demo's counts to kita's
 * staff).
 */
class EngineRestAnswersTests extends IntegrationTest {

  private static final Staff KITA_ADMIN = new Staff("kita-admin", "Hokubu-Admin-2026!");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private StaffRequests http;

  @BeforeEach
  void client() {
    http = new StaffRequests(port);
  }

  @Test
  void shouldNotCountOtherMunicipalitiesApplications() throws Exception {
    String definition = review().getProcessDefinitionId();
    StaffHttp.Browser cockpit = new StaffHttp(port).browser(null);
    cockpit.signIn(KITA_ADMIN.id(), KITA_ADMIN.password());

    SoftAssertions softly = new SoftAssertions();
    for (String report : new String[] {"/history/process-definition/" + definition + "/statistics?incidents=true",
        "/history/process-definition/cleanable-process-instance-report",
        "/history/process-definition/cleanable-process-instance-report/count",
        "/history/decision-definition/cleanable-decision-instance-report",
        "/history/batch/cleanable-batch-report/count"}) {
      HttpResponse<String> answer = http.get(KITA_ADMIN, "/engine-rest" + report);
      softly.assertThat(answer.statusCode()).as(report + ": " + answer.body()).isEqualTo(403);
      softly.assertThat(answer.body()).as(report).contains("すべての自治体");
      softly.assertThat(cockpit.get("/camunda/api/engine/engine/default" + report).statusCode()).as(report)
          .isEqualTo(403);
    }
    softly.assertAll();
  }

  /** A bulky-waste application of tenant demo waiting for its review. */
  private ProcessInstance review() {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    return instance;
  }
}
