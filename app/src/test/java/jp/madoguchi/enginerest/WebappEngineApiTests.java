package jp.madoguchi.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.procedure.TenantContext;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' engine API, which Tasklist calls with the clerk's session, answers like /engine-rest:
 * before, another municipality's task answered 500 ENGINE-13034 "belongs to no authenticated
 * tenant", another department's a 403 naming the procedure, and an unknown one a 500 or a 404, so the
 * answers told which ids exist and whose they are.
 */
class WebappEngineApiTests extends IntegrationTest {

  private static final String API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void shouldAnswerAnotherMunicipalitysOrDepartmentsIdsLikeUnknownOnes() throws Exception {
    ProcessInstance application = review();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(application.getId()).singleResult();
    String unknown = UUID.randomUUID().toString();

    SoftAssertions softly = new SoftAssertions();
    for (String[] outsider : new String[][] {{"kita-clerk", KITA_CLERK_PASSWORD},
        {"demo-road", "Madoguchi-Road-2026!"}}) {
      StaffHttp.Browser tasklist = new StaffHttp(port).browser(null);
      tasklist.signIn(outsider[0], outsider[1]);
      for (String path : List.of("/task/%s/variables", "/task/%s/form-variables", "/task/%s/identity-links",
          "/process-instance/%s/variables", "/process-instance/%s/activity-instances")) {
        String id = path.startsWith("/task") ? task.getId() : application.getId();
        HttpResponse<String> existing = tasklist.get(API + path.formatted(id));
        HttpResponse<String> none = tasklist.get(API + path.formatted(unknown));
        softly.assertThat(existing.statusCode()).as(outsider[0] + " " + path + ": " + existing.body()).isEqualTo(404);
        softly.assertThat(existing.body()).as(outsider[0] + " " + path).isEqualTo(none.body())
            .contains(UniformNotFound.BODY.get("message"));
      }
      HttpResponse<String> claim = tasklist.call("POST", API + "/task/" + task.getId() + "/claim",
          "{\"userId\": \"" + outsider[0] + "\"}");
      softly.assertThat(claim.statusCode()).as(outsider[0] + " claim: " + claim.body()).isEqualTo(404);
      softly.assertThat(claim.body()).isEqualTo(tasklist.call("POST", API + "/task/" + unknown + "/claim",
          "{\"userId\": \"" + outsider[0] + "\"}").body());
    }
    softly.assertAll();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void shouldStillServeTheClerksOwnTasks() throws Exception {
    ProcessInstance application = review();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(application.getId()).singleResult();
    StaffHttp.Browser tasklist = new StaffHttp(port).browser(null);
    tasklist.signIn("demo-clerk", DEMO_CLERK_PASSWORD);

    HttpResponse<String> variables = tasklist.get(API + "/task/" + task.getId() + "/form-variables");
    HttpResponse<String> claim = tasklist.call("POST", API + "/task/" + task.getId() + "/claim",
        "{\"userId\": \"demo-clerk\"}");

    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
    assertThat(variables.body()).contains("cardSubject");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("demo-clerk");
  }

  @Test
  void shouldServeNoEngineApiWhereTheWebappsAndTheirAuthenticationAreOff() {
    StaticListableBeanFactory withoutWebapps = new StaticListableBeanFactory();

    var servlet = new WebappEngineApi().webappEngineApiServlet(new CamundaBpmProperties(),
        withoutWebapps.getBeanProvider(CamundaBpmWebappAutoConfiguration.class));

    assertThat(servlet.isEnabled()).isFalse();
  }

  private ProcessInstance review() {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    return instance;
  }
}
