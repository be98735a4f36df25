package jp.madoguchi.security;

import static jp.madoguchi.security.PerimeterAttackTests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Which staff accounts another municipality has, and in which department: Camunda's searches by an
 * account (its groups, its municipalities, Tasklist's identity call, procedures it may start, tasks it
 * is a candidate for, also through a filter, with open tasks of 北市 in the department's group) answer about an account the
 * caller may not read as about one that does not exist, on {@code /engine-rest} and in a Tasklist
 * session; so does every other search of Camunda's OpenAPI by an account (an assignee, owner, member,
 * user).
 */
class StaffDirectoryTests extends IntegrationTest {

  /** {@code %s} is the account searched by; {@code {myTasks}} the id of the filter of one's own tasks. */
  private static final List<String> SEARCHES = List.of("/group?member=%s", "/group/count?member=%s",
      "POST /group {\"member\":\"%s\"}", "/tenant?userMember=%s", "/tenant/count?userMember=%s",
      "/identity/groups?userId=%s", "/process-definition?startableBy=%s", "/task?candidateUser=%s", "POST /task/count {\"candidateUser\":\"%s\"}",
      "POST /task {\"orQueries\":[{\"candidateUser\":\"%s\"}]}",
      "POST /filter/{myTasks}/list {\"candidateUser\":\"%s\",\"includeAssignedTasks\":true}",
      "POST /filter/{myTasks}/count {\"orQueries\":[{\"candidateUser\":\"%s\",\"includeAssignedTasks\":true}]}");
  private static final String NO_SUCH_ACCOUNT = "no-such-account";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void shouldAnswerAboutAnotherMunicipalitysStaffAsAboutNobody() throws Exception {
    fileApplicationsInKita();
    Map<String, String> outsiders = Map.of(
        "kita-clerk", basic("kita-clerk", KITA_CLERK_PASSWORD),
        "kita-admin", basic("kita-admin", "Hokubu-Admin-2026!"),
        "demo-citizen", basic("demo-citizen", "Madoguchi-Citizen-2026!"));
    WebappLogin tasklist = WebappLogin.as(port, "kita-clerk", KITA_CLERK_PASSWORD, "tasklist");
    String myTasks = engine.getFilterService().createFilterQuery().filterName("自分の担当 (My tasks)").singleResult()
        .getId();
    List<String> telling = new ArrayList<>();
    for (String search : SEARCHES) {
      OutsiderOperation.Call aboutTheClerk = call(search.replace("{myTasks}", myTasks).formatted("demo-clerk"));
      OutsiderOperation.Call aboutNobody = call(search.replace("{myTasks}", myTasks).formatted(NO_SUCH_ACCOUNT));
      for (Map.Entry<String, String> outsider : outsiders.entrySet()) {
        assertThat(compare(telling, outsider.getKey(), aboutTheClerk, aboutNobody, outsider.getValue(), null))
            .as(outsider.getKey() + " " + search).isEqualTo(200);
      }
      assertThat(compare(telling, "kita-clerk (Tasklist)", aboutTheClerk, aboutNobody, null, tasklist))
          .as("Tasklist " + search).isEqualTo(200);
    }

    assertThat(telling).as("answers about demo-clerk that differ from those about an account nobody has").isEmpty();
  }

  /** Every reading operation of Camunda's OpenAPI with a parameter or query field naming an account. */
  @Test
  void shouldTellNothingOfAnotherMunicipalitysStaffThroughAnySearch() throws Exception {
    fileApplicationsInKita();
    Map<String, String> outsiders = Map.of(
        "kita-clerk", basic("kita-clerk", KITA_CLERK_PASSWORD),
        "kita-admin", basic("kita-admin", "Hokubu-Admin-2026!"));
    List<String> telling = new ArrayList<>();
    int calls = 0;
    for (OutsiderOperation operation : OutsiderOperation.reading(CamundaOpenApi.description())) {
      List<OutsiderOperation.Call> aboutTheClerk = operation.callsNaming("demo-clerk");
      List<OutsiderOperation.Call> aboutNobody = operation.callsNaming(NO_SUCH_ACCOUNT);
      for (int i = 0; i < aboutTheClerk.size(); i++) {
        calls++;
        for (Map.Entry<String, String> outsider : outsiders.entrySet()) {
          compare(telling, outsider.getKey(), aboutTheClerk.get(i), aboutNobody.get(i), outsider.getValue(), null);
        }
      }
    }

    System.out.println("StaffDirectoryTests: " + calls + " searches by an account, each as " + outsiders.size()
        + " outsiders");
    assertThat(calls).as("searches by an account in Camunda's OpenAPI").isGreaterThan(50);
    assertThat(telling).as("answers about demo-clerk that differ from those about an account nobody has").isEmpty();
  }

  @Test
  void shouldStillAnswerAboutTheCallersOwnAccountOnly() throws Exception {
    assertThat(send("/identity/groups?userId=demo-clerk", basic("demo-clerk", DEMO_CLERK_PASSWORD), null).body())
        .contains("\"id\":\"waste-section\"");
    WebappLogin tasklist = WebappLogin.as(port, "demo-clerk", DEMO_CLERK_PASSWORD, "tasklist");
    assertThat(send("/identity/groups?userId=demo-clerk", null, tasklist).body()).contains("\"id\":\"waste-section\"");
    assertThat(send("/tenant?userMember=demo-clerk", basic("demo-clerk", DEMO_CLERK_PASSWORD), null).body())
        .contains("\"id\":\"demo\"");
    assertThat(send("/process-definition?startableBy=demo-clerk", basic("demo-clerk", DEMO_CLERK_PASSWORD), null)
        .body()).contains("\"key\":\"bulky-waste-collection\"");
    String operator = basic("test-operator", "Operator-Pass-2026!");
    assertThat(send("/group?member=test-operator", operator, null).body()).contains("\"id\":\"saas-operator\"");
    assertThat(send("/group?member=demo-clerk", operator, null).body()).as("operators read no staff account")
        .isEqualTo("[]");
    assertThat(send("/tenant?userMember=demo-clerk", operator, null).body()).isEqualTo("[]");
  }

  /**
   * Two open 粗大ごみ tasks of 北市 for waste-section, the department demo-clerk works in at デモ市: one
   * waiting in the department's queue, one kita-clerk has taken on.
   */
  private void fileApplicationsInKita() {
    List<String> tasks = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ProcessInstance instance = TenantContext.callAs(KITA, () -> engine.getRuntimeService()
          .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
      BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
      tasks.add(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    }
    engine.getTaskService().claim(tasks.get(1), "kita-clerk");
  }

  /**
   * Adds to {@code telling} when the answer about demo-clerk differs from the one about nobody (in its
   * status, or in its body once the account's id is replaced); returns the status about demo-clerk.
   */
  private int compare(List<String> telling, String outsider, OutsiderOperation.Call aboutTheClerk,
      OutsiderOperation.Call aboutNobody, String authorization, WebappLogin session) throws Exception {
    HttpResponse<String> answer = send(aboutTheClerk, authorization, session);
    HttpResponse<String> answerAboutNobody = send(aboutNobody, authorization, session);
    if (answer.statusCode() != answerAboutNobody.statusCode()
        || !answer.body().replace("demo-clerk", NO_SUCH_ACCOUNT).equals(answerAboutNobody.body())) {
      telling.add(outsider + ": " + aboutTheClerk + " → " + answer.statusCode() + " " + answer.body()
          + " (about nobody: " + answerAboutNobody.statusCode() + " " + answerAboutNobody.body() + ")");
    }
    return answer.statusCode();
  }

  private HttpResponse<String> send(String search, String authorization, WebappLogin session) throws Exception {
    return send(call(search), authorization, session);
  }

  private HttpResponse<String> send(OutsiderOperation.Call call, String authorization, WebappLogin session)
      throws Exception {
    return session == null ? call.send(http, port, "/engine-rest", authorization, null)
        : call.send(http, port, "/camunda/api/engine/engine/default", null, session);
  }

  /** {@code path} or {@code POST path body}. */
  private static OutsiderOperation.Call call(String search) {
    String[] parts = search.split(" ", 3);
    return parts.length == 1 ? new OutsiderOperation.Call("GET", parts[0], null)
        : new OutsiderOperation.Call(parts[0], parts[1], parts[2]);
  }
}
