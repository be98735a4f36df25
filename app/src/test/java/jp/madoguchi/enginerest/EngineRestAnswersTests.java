package jp.madoguchi.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.AtOnce;
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
 * staff), and 500s naming Java exceptions for requests that are the caller's mistake.
 */
class EngineRestAnswersTests extends IntegrationTest {

  private static final Staff KITA_ADMIN = new Staff("kita-admin", "Hokubu-Admin-2026!");
  private static final Staff WASTE = new Staff("demo-clerk", DEMO_CLERK_PASSWORD);
  private static final Staff ADMIN = new Staff("demo-admin", DEMO_ADMIN_PASSWORD);
  private static final Staff OPERATOR = new Staff("test-operator", "Operator-Pass-2026!");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;
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

  @Test
  void shouldAnswerTheCallersMistakesWith400AndNoJavaNames() throws Exception {
    String task = "/engine-rest/task/" + engine.getTaskService().createTaskQuery()
        .processInstanceId(review().getId()).singleResult().getId();
    ObjectNode withoutTenant = (ObjectNode) json.readTree(http.get(WASTE, task).body());
    withoutTenant.remove(java.util.List.of("tenantId", "camundaFormRef"));

    HttpResponse<String> attachment = http.send(WASTE, http.request(task + "/attachment/create")
        .POST(HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> update = http.put(WASTE, task, json.writeValueAsString(withoutTenant));
    HttpResponse<String> condition = http.post(WASTE, "/engine-rest/condition",
        "{\"variables\": {\"anything\": {\"value\": 1}}}");

    assertThat(attachment.statusCode()).as(attachment.body()).isEqualTo(400);
    assertThat(attachment.body()).contains("multipart/form-data");
    assertThat(update.statusCode()).as(update.body()).isEqualTo(400);
    assertThat(update.body()).contains("tenantId");
    assertThat(condition.statusCode()).as(condition.body()).isEqualTo(400);
    for (HttpResponse<String> answer : new HttpResponse[] {attachment, update, condition}) {
      assertThat(answer.body()).doesNotContain("Exception", "ENGINE-");
    }
  }

  @Test
  void shouldAnswerASearchOrValueTheEngineCannotUseWith400() throws Exception {
    String task = "/engine-rest/task/" + engine.getTaskService().createTaskQuery()
        .processInstanceId(review().getId()).singleResult().getId();
    String filter = json.readTree(http.get(WASTE, "/engine-rest/filter").body()).get(0).get("id").asText();
    String byVariableWithoutName = "{\"sorting\": [{\"sortBy\": \"processVariable\", \"sortOrder\": \"asc\"}]}";
    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    for (String query : new String[] {"/task", "/process-instance", "/history/task", "/history/process-instance"}) {
      answers.put("GET " + query + "?orQueries=x", http.get(WASTE, "/engine-rest" + query + "?orQueries=x"));
    }
    answers.put("sorting without variable", http.post(WASTE, "/engine-rest/task", byVariableWithoutName));
    answers.put("sorting null", http.post(WASTE, "/engine-rest/task/count", "{\"sorting\": [null]}"));
    answers.put("filter sorting", http.post(WASTE, "/engine-rest/filter/" + filter + "/list", byVariableWithoutName));
    String departmentQueue = departmentQueueFilter();
    for (String search : new String[] {"list", "count"}) {
      answers.put("department queue by candidate user (" + search + ")", http.post(WASTE,
          "/engine-rest/filter/" + departmentQueue + "/" + search, "{\"candidateUser\": \"demo-clerk\"}"));
    }
    answers.put("null tenant", http.post(WASTE, "/engine-rest/history/task", "{\"tenantIdIn\": [null]}"));
    answers.put("no ids", http.post(WASTE, "/engine-rest/process-instance", "{\"processInstanceIds\": []}"));
    answers.put("object value", http.post(WASTE, "/engine-rest/task",
        "{\"processVariables\": [{\"name\": \"a\", \"operator\": \"eq\", \"value\": {\"x\": 1}}]}"));
    answers.put("file without name", http.put(WASTE, task + "/variables/note", "{\"value\": \"x\", \"type\": \"File\"}"));
    answers.put("link without type", http.post(WASTE, task + "/identity-links/delete", "{\"groupId\": \"x\"}"));

    SoftAssertions softly = new SoftAssertions();
    answers.forEach((request, answer) -> {
      softly.assertThat(answer.statusCode()).as(request + ": " + answer.body()).isEqualTo(400);
      softly.assertThat(answer.body()).as(request).contains("InvalidRequest", "検索条件または値")
          .doesNotContain("Exception", "ENGINE-", "java.");
    });
    softly.assertThat(answers.get("sorting without variable").body()).contains("variableName is null");
    softly.assertAll();
  }

  /** The filter whose candidate groups are the caller's own: Camunda refuses a candidate user beside them. */
  private String departmentQueueFilter() throws Exception {
    for (JsonNode filter : json.readTree(http.get(WASTE, "/engine-rest/filter").body())) {
      if (filter.path("query").has("candidateGroupsExpression")) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError("no filter by the caller's candidate groups");
  }

  /** Found by {@code EngineRestFuzzTests}: each answered 500 before. */
  @Test
  void shouldAnswerWhatCamundasRestLayerAndArgumentChecksRefuseWith400() throws Exception {
    ProcessInstance instance = review();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    String definition = instance.getProcessDefinitionId();
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    answers.put("authorization without type", http.post(ADMIN, "/engine-rest/authorization/create", "{}"));
    answers.put("fetch without worker", http.post(ADMIN, "/engine-rest/external-task/fetchAndLock", "{}"));
    answers.put("group id the whitelist refuses", http.post(ADMIN, "/engine-rest/group/create",
        "{\"id\": \"" + "x".repeat(300) + "\"}"));
    answers.put("null decision id", http.post(ADMIN, "/engine-rest/history/decision-instance/delete",
        "{\"historicDecisionInstanceIds\": [null]}"));
    answers.put("empty NotIn list", http.get(ADMIN, "/engine-rest/history/process-instance?processDefinitionKeyNotIn="));
    answers.put("policy without password", http.post(ADMIN, "/engine-rest/identity/password-policy", "{}"));
    answers.put("metrics without start", http.get(OPERATOR, "/engine-rest/metrics?startDate="));
    answers.put("migration without plan", http.post(ADMIN, "/engine-rest/migration/execute", "{}"));
    answers.put("restart without instructions", http.post(ADMIN, "/engine-rest/process-definition/" + definition
        + "/restart", "{}"));
    answers.put("retries without retries", http.post(ADMIN,
        "/engine-rest/process-instance/job-retries-historic-query-based", "{}"));
    answers.put("null instruction", http.post(ADMIN, "/engine-rest/process-instance/" + instance.getId()
        + "/modification", "{\"instructions\": [null]}"));
    answers.put("telemetry without a choice", http.post(ADMIN, "/engine-rest/telemetry/configuration", "{}"));
    answers.put("message nobody waits for", http.post(ADMIN, "/engine-rest/execution/" + instance.getId()
        + "/messageSubscriptions/nobody-waits/trigger", "{}"));
    answers.put("start with a variable without value", http.post(ADMIN,
        "/engine-rest/process-definition/" + definition + "/start", "{\"variables\": {\"x\": null}}"));
    answers.put("Object variable without its format", http.post(ADMIN,
        "/engine-rest/process-definition/" + definition + "/start", "{\"variables\": {\"x\": {\"type\": \"Object\", "
        + "\"value\": \"{}\"}}}"));
    answers.put("empty Object variable without its format", http.post(ADMIN,
        "/engine-rest/process-definition/" + definition + "/start", "{\"variables\": {\"x\": {\"type\": \"Object\", "
        + "\"value\": null}}}"));
    answers.put("Object variable without its type", http.post(ADMIN,
        "/engine-rest/process-definition/" + definition + "/start", "{\"variables\": {\"x\": {\"type\": \"Object\", "
        + "\"value\": \"\\\"abc\\\"\", \"valueInfo\": {\"serializationDataFormat\": \"application/json\"}}}}"));
    answers.put("BPMN error no event catches", http.post(WASTE, "/engine-rest/task/" + task + "/bpmnError",
        "{\"errorCode\": \"no-such-error\"}"));
    answers.put("escalation no event catches", http.post(WASTE, "/engine-rest/task/" + task + "/bpmnEscalation",
        "{\"escalationCode\": \"no-such-escalation\"}"));

    SoftAssertions softly = new SoftAssertions();
    answers.forEach((request, answer) -> {
      softly.assertThat(answer.statusCode()).as(request + ": " + answer.body()).isEqualTo(400);
      softly.assertThat(answer.body()).as(request).containsPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    });
    softly.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult()).as("an uncaught BPMN error does not end the application").isNotNull();
    softly.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
    softly.assertAll();
  }

  /**
   * Found by {@code EngineRestFuzzTests} once it sent empty bodies and ids of no engine shape: each
   * answered 500 before (a filter had closed the request's stream; Camunda failed on a null).
   */
  @Test
  void shouldAnswerAnEmptyBodyOrAnIdThatNamesNothingWithAClientError() throws Exception {
    String definition = review().getProcessDefinitionId();
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, HttpResponse<String>> empty = new LinkedHashMap<>();
    empty.put("start", http.post(ADMIN, "/engine-rest/process-definition/" + definition + "/start", ""));
    empty.put("start by key", http.post(WASTE, "/engine-rest/process-definition/key/bulky-waste-collection/submit-form", ""));
    empty.put("new user", http.post(ADMIN, "/engine-rest/user/create", ""));
    empty.put("new password", http.put(ADMIN, "/engine-rest/user/demo-clerk/credentials", ""));
    HttpResponse<String> form = http.get(WASTE, "/engine-rest/task/no-such-task/deployed-form");
    HttpResponse<String> suspension = http.put(ADMIN, "/engine-rest/process-definition/no-such-definition/suspended",
        "{\"suspended\": true}");

    SoftAssertions softly = new SoftAssertions();
    empty.forEach((request, answer) -> softly.assertThat(answer.statusCode()).as(request + ": " + answer.body())
        .isBetween(400, 499));
    for (HttpResponse<String> answer : new HttpResponse[] {form, suspension}) {
      softly.assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(404);
      softly.assertThat(answer.body()).as(answer.uri().toString()).contains(UniformNotFound.BODY.get("message"));
    }
    softly.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
    softly.assertThat(engine.getRepositoryService().getProcessDefinition(definition).isSuspended()).isFalse();
    softly.assertAll();
  }

  @Test
  void shouldAnswerAClaimOfATaskSomeoneElseClaimedWith409() throws Exception {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(review().getId()).singleResult().getId();
    engine.getTaskService().claim(task, "demo-chief");

    HttpResponse<String> claim = http.post(WASTE, "/engine-rest/task/" + task + "/claim", "{\"userId\": \"demo-clerk\"}");

    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(409);
    assertThat(claim.body()).contains("ほかの職員が引き受けています").doesNotContain("Exception");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("demo-chief");
  }

  /**
   * A clerk's double click, or two tabs: the same claim or comment sent several times at once. One
   * change wins; the others lost a race and are told so (409, look again), never blamed for their
   * request. Before: 400 「送られた検索条件または値を使えません…」 quoting Camunda's optimistic locking.
   */
  @Test
  void shouldAnswerAChangeThatLostARaceWithAnotherWith409() throws Exception {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(review().getId()).singleResult().getId();

    List<HttpResponse<String>> claims = AtOnce.send(6,
        () -> http.post(WASTE, "/engine-rest/task/" + task + "/claim", "{\"userId\": \"demo-clerk\"}"));
    List<HttpResponse<String>> comments = AtOnce.send(6,
        () -> http.post(WASTE, "/engine-rest/task/" + task + "/comment/create", "{\"message\": \"確認中\"}"));

    SoftAssertions softly = new SoftAssertions();
    for (HttpResponse<String> answer : concat(claims, comments)) {
      softly.assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isIn(200, 204, 409);
      if (answer.statusCode() == 409) {
        softly.assertThat(answer.body()).contains("同時に変更されました").doesNotContain("ENGINE-");
      }
    }
    softly.assertThat(AtOnce.statuses(claims)).as("claims").contains(204);
    softly.assertThat(AtOnce.statuses(comments)).as("comments").contains(200);
    softly.assertThat(engine.getTaskService().getTaskComments(task))
        .hasSize((int) comments.stream().filter(answer -> answer.statusCode() == 200).count());
    softly.assertAll();
  }

  private static List<HttpResponse<String>> concat(List<HttpResponse<String>> first, List<HttpResponse<String>> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  /** A bulky-waste application of tenant demo waiting for its review. */
  private ProcessInstance review() {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    return instance;
  }
}
