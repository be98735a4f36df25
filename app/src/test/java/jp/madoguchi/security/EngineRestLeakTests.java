package jp.madoguchi.security;

import static jp.madoguchi.security.PerimeterAttackTests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffRequests.Staff;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What outsiders learn of one application through Camunda's REST APIs: every reading operation of
 * Camunda's published OpenAPI description (each GET, and each POST that takes a query), called by
 * another municipality's administrator and clerk, a clerk of another department of the same
 * municipality, an operator without a support grant and nobody, on {@code /engine-rest} and on the
 * webapps' engine API, plus Cockpit's own queries. The application's ids stand in the path, and in
 * every query parameter or query field that names a process instance, task, execution or business
 * key. No answer may carry the application's ids (a successful one), its applicant or its comment
 * (any answer).
 */
class EngineRestLeakTests extends IntegrationTest {

  private static final Staff WASTE_CLERK = new Staff("demo-clerk", DEMO_CLERK_PASSWORD);
  private static final Map<String, String> OUTSIDERS = Map.of(
      "kita-admin", "Hokubu-Admin-2026!",
      "kita-clerk", KITA_CLERK_PASSWORD,
      "demo-citizen", "Madoguchi-Citizen-2026!",
      "test-operator", "Operator-Pass-2026!");
  private static final String ENGINE_REST = "/engine-rest";
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  private static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TestFactory
  Stream<DynamicTest> shouldShowOutsidersNothingOfAnApplication() throws Exception {
    FiledApplication filed = FiledApplication.file(engine, port, "漏洩確認 ");
    JsonNode description = CamundaOpenApi.description();
    List<OutsiderOperation> operations = OutsiderOperation.reading(description);
    assertThat(operations).as("Camunda's reading operations were read").hasSizeGreaterThan(200);
    Map<String, String> basic = new LinkedHashMap<>();
    OUTSIDERS.forEach((user, password) -> basic.put(user, basic(user, password)));
    basic.put("nobody", "");
    Map<String, WebappLogin> sessions = new LinkedHashMap<>();
    sessions.put("kita-admin (Cockpit)", WebappLogin.as(port, "kita-admin", OUTSIDERS.get("kita-admin"), "cockpit"));
    sessions.put("demo-citizen (Tasklist)", WebappLogin.as(port, "demo-citizen", OUTSIDERS.get("demo-citizen"),
        "tasklist"));
    sessions.put("test-operator (Cockpit)", WebappLogin.as(port, "test-operator", OUTSIDERS.get("test-operator"),
        "cockpit"));
    Stream<DynamicTest> engineRest = operations.stream().map(operation -> DynamicTest.dynamicTest(
        operation.toString(), () -> {
          List<String> leaks = new ArrayList<>();
          for (OutsiderOperation.Call call : operation.calls(filed)) {
            for (Map.Entry<String, String> caller : basic.entrySet()) {
              check(leaks, caller.getKey(), call, call.send(http, port, ENGINE_REST, caller.getValue(), null),
                  filed);
            }
            for (Map.Entry<String, WebappLogin> session : sessions.entrySet()) {
              check(leaks, session.getKey(), call, call.send(http, port, WEBAPP_ENGINE, null, session.getValue()),
                  filed);
            }
          }
          assertThat(leaks).as(operation + ": answers that show the application").isEmpty();
        }));
    Stream<DynamicTest> cockpit = Stream.of(DynamicTest.dynamicTest("Cockpit's own queries", () -> {
      List<String> leaks = new ArrayList<>();
      for (OutsiderOperation.Call call : cockpitCalls(filed)) {
        for (Map.Entry<String, WebappLogin> session : sessions.entrySet()) {
          check(leaks, session.getKey(), call, call.send(http, port, COCKPIT, null, session.getValue()), filed);
        }
      }
      assertThat(leaks).as("Cockpit: answers that show the application").isEmpty();
    }));
    return Stream.concat(engineRest, cockpit);
  }

  /**
   * Counts carry no id: what another municipality's administrator counts of a shared procedure must
   * not move when デモ市 files an application.
   */
  @Test
  void shouldNotCountAnApplicationForAnotherMunicipality() throws Exception {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("bulky-waste-collection").latestVersion().singleResult().getId();
    WebappLogin cockpit = WebappLogin.as(port, "kita-admin", OUTSIDERS.get("kita-admin"), "cockpit");
    String admin = basic("kita-admin", OUTSIDERS.get("kita-admin"));
    List<OutsiderOperation.Call> counts = Stream.of("/process-definition/statistics?incidents=true&failedJobs=true",
        "/process-definition/" + definition + "/statistics?incidents=true&failedJobs=true",
        "/process-instance/count?processDefinitionId=" + definition,
        "/history/process-instance/count?processDefinitionId=" + definition,
        "/task/count?processDefinitionId=" + definition, "/history/task/count?processDefinitionId=" + definition,
        "/history/activity-instance/count?processDefinitionId=" + definition,
        "/history/variable-instance/count?processDefinitionIdIn=" + definition,
        "/job/count?processDefinitionId=" + definition, "/incident/count?processDefinitionId=" + definition)
        .map(path -> new OutsiderOperation.Call("GET", path, null)).toList();
    List<OutsiderOperation.Call> cockpitCounts = Stream.of("/process-definition/statistics",
        "/process-instance/count?processDefinitionId=" + definition, "/incident/count?processDefinitionIdIn=" + definition)
        .map(path -> new OutsiderOperation.Call("GET", path, null)).toList();

    Map<String, String> before = counted(counts, cockpitCounts, admin, cockpit);
    FiledApplication.file(engine, port, "漏洩確認 ");
    Map<String, String> after = counted(counts, cockpitCounts, admin, cockpit);

    assertThat(after).isEqualTo(before);
  }

  /** The engine's metrics count every municipality together: operators read them, nobody else. */
  @Test
  void shouldKeepTheEnginesMetricsToOperators() throws Exception {
    FiledApplication.file(engine, port, "漏洩確認 ");
    List<String> metrics = List.of("/metrics/root-process-instance-start/sum", "/metrics/task-users/sum",
        "/metrics/process-instances/sum", "/metrics?interval=900");
    String admin = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated?subscriptionStartDate="
        + "2026-01-01T00:00:00.000%2B0900&groupBy=month&metrics=process-instances,task-users";
    Map<String, String> basic = Map.of("kita-admin", basic("kita-admin", OUTSIDERS.get("kita-admin")),
        "demo-clerk", basic(WASTE_CLERK.id(), WASTE_CLERK.password()),
        "demo-admin", basic("demo-admin", DEMO_ADMIN_PASSWORD));
    Map<String, WebappLogin> sessions = Map.of(
        "kita-admin (Cockpit)", WebappLogin.as(port, "kita-admin", OUTSIDERS.get("kita-admin"), "cockpit"),
        "demo-clerk (Tasklist)", WebappLogin.as(port, WASTE_CLERK.id(), WASTE_CLERK.password(), "tasklist"));
    WebappLogin operatorSession = WebappLogin.as(port, "test-operator", OUTSIDERS.get("test-operator"), "admin");
    String operator = basic("test-operator", OUTSIDERS.get("test-operator"));

    List<String> shown = new ArrayList<>();
    for (String metric : metrics) {
      OutsiderOperation.Call call = new OutsiderOperation.Call("GET", metric, null);
      for (Map.Entry<String, String> caller : basic.entrySet()) {
        refusedOrShown(shown, caller.getKey() + " " + ENGINE_REST + metric,
            call.send(http, port, ENGINE_REST, caller.getValue(), null));
      }
      for (Map.Entry<String, WebappLogin> session : sessions.entrySet()) {
        refusedOrShown(shown, session.getKey() + " " + WEBAPP_ENGINE + metric,
            call.send(http, port, WEBAPP_ENGINE, null, session.getValue()));
      }
      assertThat(call.send(http, port, ENGINE_REST, operator, null).statusCode()).as(metric).isEqualTo(200);
      assertThat(call.send(http, port, WEBAPP_ENGINE, null, operatorSession).statusCode()).as(metric).isEqualTo(200);
    }
    OutsiderOperation.Call aggregated = new OutsiderOperation.Call("GET", admin, null);
    for (Map.Entry<String, WebappLogin> session : sessions.entrySet()) {
      refusedOrShown(shown, session.getKey() + " " + admin, aggregated.send(http, port, "", null, session.getValue()));
    }
    assertThat(aggregated.send(http, port, "", null, operatorSession).statusCode()).isEqualTo(200);

    assertThat(shown).as("metrics shown to others than operators").isEmpty();
  }

  private static void refusedOrShown(List<String> shown, String request, HttpResponse<String> answer) {
    if (answer.statusCode() != 403 || !answer.body().contains("運用担当者だけ")) {
      shown.add(request + " → " + answer.statusCode() + " " + answer.body());
    }
  }

  private Map<String, String> counted(List<OutsiderOperation.Call> counts, List<OutsiderOperation.Call> cockpitCounts,
      String admin, WebappLogin cockpit) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    for (OutsiderOperation.Call call : counts) {
      answers.put(ENGINE_REST + call.path(), answer(call.send(http, port, ENGINE_REST, admin, null)));
      answers.put(WEBAPP_ENGINE + call.path(), answer(call.send(http, port, WEBAPP_ENGINE, null, cockpit)));
    }
    for (OutsiderOperation.Call call : cockpitCounts) {
      answers.put(COCKPIT + call.path(), answer(call.send(http, port, COCKPIT, null, cockpit)));
    }
    return answers;
  }

  private static String answer(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static List<OutsiderOperation.Call> cockpitCalls(FiledApplication filed) {
    String byDefinition = "{\"processDefinitionId\":\"" + filed.definition() + "\"}";
    return List.of(
        new OutsiderOperation.Call("GET", "/process-instance?processDefinitionId=" + filed.definition(), null),
        new OutsiderOperation.Call("POST", "/process-instance", byDefinition),
        new OutsiderOperation.Call("POST", "/process-instance", "{\"processInstanceIds\":[\"" + filed.instance() + "\"]}"),
        new OutsiderOperation.Call("POST", "/process-instance", "{\"businessKey\":\"" + filed.number() + "\"}"),
        new OutsiderOperation.Call("GET", "/process-instance/" + filed.instance() + "/called-process-instances", null),
        new OutsiderOperation.Call("GET", "/incident?processInstanceIdIn=" + filed.instance(), null),
        new OutsiderOperation.Call("GET", "/incident?processDefinitionIdIn=" + filed.definition(), null),
        new OutsiderOperation.Call("GET", "/process-definition/statistics", null),
        new OutsiderOperation.Call("GET", "/process-definition/" + filed.definition() + "/called-process-definitions",
            null));
  }

  private static void check(List<String> leaks, String caller, OutsiderOperation.Call call,
      HttpResponse<String> answer, FiledApplication filed) {
    String body = answer.body();
    List<String> shown = new ArrayList<>(filed.secrets().stream().filter(body::contains).toList());
    if (answer.statusCode() < 300) {
      filed.ids().stream().filter(body::contains).forEach(shown::add);
    }
    if (!shown.isEmpty()) {
      leaks.add(caller + ": " + call + " → " + answer.statusCode() + " shows " + shown);
    }
  }
}
