package jp.madoguchi.security;

import static jp.madoguchi.security.PerimeterAttackTests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What outsiders can do to one application through {@code /engine-rest}: every operation of Camunda's
 * published OpenAPI description that writes (each POST but the queries, each PUT and DELETE), called
 * by another municipality's administrator and clerk, a clerk of another department and nobody (and
 * the first two kinds again on the webapps' engine API, in Cockpit's and Tasklist's sessions), with
 * the application's ids in the path and in the body's fields that name a process instance, task,
 * execution or business key (and one of its messages). Each answer must be the one the same request
 * gets about ids that do not exist, so it tells nothing of the application; afterwards the
 * application, its task, variables, comments, jobs and history, and its shared procedure's
 * definition, are as they were. Own JVM: what the outsiders may do in their own municipality
 * changes it.
 */
@Tag("own-jvm")
class EngineRestWriteTests extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Staff WASTE_CLERK = new Staff("demo-clerk", DEMO_CLERK_PASSWORD);
  private static final Map<String, String> OUTSIDERS = Map.of(
      "kita-admin", basic("kita-admin", "Hokubu-Admin-2026!"),
      "kita-clerk", basic("kita-clerk", KITA_CLERK_PASSWORD),
      "demo-citizen", basic("demo-citizen", "Madoguchi-Citizen-2026!"),
      "nobody", "");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void shouldLeaveAnApplicationAsItWasWhateverOutsidersSend() throws Exception {
    EngineRestLeakTests.Filed filed = file();
    List<OutsiderOperation> operations = OutsiderOperation.writing(openApi());
    assertThat(operations).as("Camunda's writing operations were read").hasSizeGreaterThan(150);
    Map<String, String> before = state(filed);

    Map<String, WebappLogin> sessions = Map.of(
        "kita-admin (Cockpit)", WebappLogin.as(port, "kita-admin", "Hokubu-Admin-2026!", "cockpit"),
        "demo-citizen (Tasklist)", WebappLogin.as(port, "demo-citizen", "Madoguchi-Citizen-2026!", "tasklist"));

    List<String> telling = new ArrayList<>();
    for (OutsiderOperation operation : operations) {
      for (OutsiderOperation.Call call : operation.writes(filed)) {
        OutsiderOperation.Call unknown = aboutAnUnknownApplication(call, filed);
        for (Map.Entry<String, String> outsider : OUTSIDERS.entrySet()) {
          compare(telling, outsider.getKey(), call, unknown, outsider.getValue(), null);
        }
        for (Map.Entry<String, WebappLogin> session : sessions.entrySet()) {
          compare(telling, session.getKey(), call, unknown, null, session.getValue());
        }
      }
    }

    assertThat(state(filed)).as("the application and its procedure after %d kinds of request", operations.size())
        .isEqualTo(before);
    assertThat(telling).as("answers that differ from those about an application that does not exist").isEmpty();
  }

  private void compare(List<String> telling, String outsider, OutsiderOperation.Call call,
      OutsiderOperation.Call unknown, String authorization, WebappLogin session) throws Exception {
    int answer = send(call, authorization, session).statusCode();
    int answerForUnknown = unknown.equals(call) ? answer : send(unknown, authorization, session).statusCode();
    if (answer != answerForUnknown) {
      telling.add(outsider + ": " + call + " → " + answer + " (about an unknown one: " + answerForUnknown + ")");
    }
  }

  /** The same request about ids nobody has: what an outsider's answer may not differ from. */
  private static OutsiderOperation.Call aboutAnUnknownApplication(OutsiderOperation.Call call,
      EngineRestLeakTests.Filed filed) {
    String path = call.path();
    String body = call.body();
    for (String id : filed.ids()) {
      String nobody = UUID.randomUUID().toString();
      path = path.replace(id, nobody);
      body = body == null ? null : body.replace(id, nobody);
    }
    body = body == null ? null : body.replace("\"" + filed.number() + "\"", "\"2099-999999\"");
    return new OutsiderOperation.Call(call.method(), path, body);
  }

  /** What an outsider must not change, read with the engine's own API. */
  private Map<String, String> state(EngineRestLeakTests.Filed filed) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    HistoryService history = engine.getHistoryService();
    ManagementService management = engine.getManagementService();
    Map<String, String> state = new TreeMap<>();
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(filed.instance()).singleResult();
    state.put("instance", instance == null ? "gone" : instance.getBusinessKey() + " suspended=" + instance.isSuspended());
    state.put("variables", new TreeMap<>(runtime.getVariables(filed.instance())).toString());
    for (Task task : tasks.createTaskQuery().processInstanceId(filed.instance()).list()) {
      state.put("task " + task.getId(), String.join(" | ", task.getName(), String.valueOf(task.getAssignee()),
          String.valueOf(task.getOwner()), String.valueOf(task.getDueDate()), String.valueOf(task.getFollowUpDate()),
          String.valueOf(task.getPriority()), String.valueOf(task.getDescription()),
          String.valueOf(task.getDelegationState()), String.valueOf(task.isSuspended())));
      state.put("task links " + task.getId(), tasks.getIdentityLinksForTask(task.getId()).stream()
          .map(link -> link.getType() + ":" + link.getGroupId() + ":" + link.getUserId()).sorted().toList().toString());
      state.put("task comments " + task.getId(), tasks.getTaskComments(task.getId()).stream()
          .map(comment -> comment.getId() + ":" + comment.getFullMessage()).sorted().toList().toString());
      state.put("task variables " + task.getId(), new TreeMap<>(tasks.getVariablesLocal(task.getId())).toString());
    }
    state.put("instance comments", String.valueOf(tasks.getProcessInstanceComments(filed.instance()).size()));
    state.put("attachments", String.valueOf(tasks.getProcessInstanceAttachments(filed.instance()).size()));
    state.put("jobs", management.createJobQuery().processInstanceId(filed.instance()).list().stream()
        .map(job -> job.getId() + ":" + job.getRetries() + ":" + job.getDuedate() + ":" + job.isSuspended() + ":"
            + job.getPriority()).sorted().toList().toString());
    state.put("incidents", String.valueOf(runtime.createIncidentQuery().processInstanceId(filed.instance()).count()));
    HistoricProcessInstance past = history.createHistoricProcessInstanceQuery().processInstanceId(filed.instance())
        .singleResult();
    state.put("history", past.getState() + " ended=" + past.getEndTime() + " removal=" + past.getRemovalTime());
    state.put("history rows", history.createHistoricVariableInstanceQuery().processInstanceId(filed.instance()).count()
        + " variables, " + history.createHistoricDetailQuery().processInstanceId(filed.instance()).count() + " details, "
        + history.createHistoricTaskInstanceQuery().processInstanceId(filed.instance()).count() + " tasks, "
        + history.createHistoricActivityInstanceQuery().processInstanceId(filed.instance()).count() + " activities, "
        + history.createUserOperationLogQuery().processInstanceId(filed.instance()).count() + " operations");
    ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(filed.definition());
    state.put("definition", definition.getKey() + " suspended=" + definition.isSuspended() + " ttl="
        + definition.getHistoryTimeToLive());
    state.put("job definitions", management.createJobDefinitionQuery().processDefinitionId(filed.definition()).list()
        .stream().map(job -> job.getId() + ":" + job.isSuspended() + ":" + job.getOverridingJobPriority()).sorted()
        .toList().toString());
    return state;
  }

  /** On {@code /engine-rest} with Basic (or nothing), or on the webapps' engine API in a session. */
  private HttpResponse<String> send(OutsiderOperation.Call call, String authorization, WebappLogin session)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = (session == null
        ? HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + call.path()))
        : session.request("/camunda/api/engine/engine/default" + call.path())
            .header("X-XSRF-TOKEN", session.xsrfToken()))
        .timeout(Duration.ofSeconds(30))
        .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.body()));
    if (call.body() != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null && !authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    return (session == null ? http : session.browser).send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One bulky-waste application of デモ市 under review, claimed and commented on by its clerk. */
  private EngineRestLeakTests.Filed file() throws Exception {
    String applicant = "改変確認 " + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()
            .putValue("applicantName", applicant)));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    StaffRequests staff = new StaffRequests(port);
    String comment = "内部メモ " + UUID.randomUUID();
    assertThat(staff.post(WASTE_CLERK, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"demo-clerk\"}")
        .statusCode()).isEqualTo(204);
    assertThat(staff.post(WASTE_CLERK, "/engine-rest/task/" + task.getId() + "/comment/create",
        JSON.writeValueAsString(Map.of("message", comment))).statusCode()).isEqualTo(200);
    String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey();
    return new EngineRestLeakTests.Filed(instance.getId(), task.getId(), task.getExecutionId(),
        instance.getProcessDefinitionId(), number, applicant, comment);
  }

  private static JsonNode openApi() throws IOException {
    try (InputStream in = EngineRestWriteTests.class.getResourceAsStream("/openapi.json")) {
      assertThat(in).as("openapi.json of camunda-engine-rest-openapi on the test class path").isNotNull();
      return JSON.readTree(in);
    }
  }
}
