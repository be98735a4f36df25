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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Which staff accounts another municipality has, and in which department: Camunda's searches by an
 * account (its groups, its municipalities, Tasklist's identity call, tasks it is a candidate for, with
 * an open task of 北市 in the department's group) answer about an account the caller
 * may not read as about one that does not exist, on {@code /engine-rest} and in a Tasklist session; so
 * does every other search of Camunda's OpenAPI by an account (an assignee, owner, member, user).
 */
class StaffDirectoryTests extends IntegrationTest {

  private static final List<String> SEARCHES = List.of("/group?member=%s", "/group/count?member=%s",
      "POST /group {\"member\":\"%s\"}", "/tenant?userMember=%s", "/tenant/count?userMember=%s",
      "/identity/groups?userId=%s", "/task?candidateUser=%s", "POST /task/count {\"candidateUser\":\"%s\"}",
      "POST /task {\"orQueries\":[{\"candidateUser\":\"%s\"}]}");
  private static final String NO_SUCH_ACCOUNT = "no-such-account";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** An open 粗大ごみ task of 北市 for waste-section, the department demo-clerk works in at デモ市. */
  @BeforeEach
  void fileAnApplicationInKita() {
    ProcessInstance instance = TenantContext.callAs(KITA, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
  }

  @Test
  void shouldAnswerAboutAnotherMunicipalitysStaffAsAboutNobody() throws Exception {
    Map<String, String> outsiders = Map.of(
        "kita-clerk", basic("kita-clerk", KITA_CLERK_PASSWORD),
        "kita-admin", basic("kita-admin", "Hokubu-Admin-2026!"),
        "demo-citizen", basic("demo-citizen", "Madoguchi-Citizen-2026!"));
    WebappLogin tasklist = WebappLogin.as(port, "kita-clerk", KITA_CLERK_PASSWORD, "tasklist");
    List<String> telling = new ArrayList<>();
    for (String search : SEARCHES) {
      for (Map.Entry<String, String> outsider : outsiders.entrySet()) {
        compare(telling, outsider.getKey(), search, outsider.getValue(), null);
      }
      compare(telling, "kita-clerk (Tasklist)", search, null, tasklist);
    }

    assertThat(telling).as("answers about demo-clerk that differ from those about an account nobody has").isEmpty();
  }

  /** Every reading operation of Camunda's OpenAPI with a parameter or query field naming an account. */
  @Test
  void shouldTellNothingOfAnotherMunicipalitysStaffThroughAnySearch() throws Exception {
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
          HttpResponse<String> answer = aboutTheClerk.get(i).send(http, port, "/engine-rest", outsider.getValue(), null);
          HttpResponse<String> answerAboutNobody = aboutNobody.get(i).send(http, port, "/engine-rest",
              outsider.getValue(), null);
          if (answer.statusCode() != answerAboutNobody.statusCode()
              || !answer.body().replace("demo-clerk", NO_SUCH_ACCOUNT).equals(answerAboutNobody.body())) {
            telling.add(outsider.getKey() + ": " + aboutTheClerk.get(i) + " → " + answer.statusCode() + " "
                + answer.body() + " (about nobody: " + answerAboutNobody.statusCode() + " " + answerAboutNobody.body()
                + ")");
          }
        }
      }
    }

    System.out.println("StaffDirectoryTests: " + calls + " searches by an account, each as " + outsiders.size()
        + " outsiders");
    assertThat(calls).as("searches by an account in Camunda's OpenAPI").isGreaterThan(50);
    assertThat(telling).as("answers about demo-clerk that differ from those about an account nobody has").isEmpty();
  }

  @Test
  void shouldStillAnswerAboutTheCallersOwnAccountAndToOperators() throws Exception {
    assertThat(send("/identity/groups?userId=demo-clerk", basic("demo-clerk", DEMO_CLERK_PASSWORD), null).body())
        .contains("\"id\":\"waste-section\"");
    WebappLogin tasklist = WebappLogin.as(port, "demo-clerk", DEMO_CLERK_PASSWORD, "tasklist");
    assertThat(send("/identity/groups?userId=demo-clerk", null, tasklist).body()).contains("\"id\":\"waste-section\"");
    assertThat(send("/tenant?userMember=demo-clerk", basic("demo-clerk", DEMO_CLERK_PASSWORD), null).body())
        .contains("\"id\":\"demo\"");
    assertThat(send("/group?member=demo-clerk", basic("test-operator", "Operator-Pass-2026!"), null).body())
        .contains("\"id\":\"waste-section\"");
  }

  private void compare(List<String> telling, String outsider, String search, String authorization,
      WebappLogin session) throws Exception {
    HttpResponse<String> answer = send(search.formatted("demo-clerk"), authorization, session);
    HttpResponse<String> aboutNobody = send(search.formatted(NO_SUCH_ACCOUNT), authorization, session);
    assertThat(answer.statusCode()).as(outsider + " " + search).isEqualTo(200);
    if (!answer.body().equals(aboutNobody.body())) {
      telling.add(outsider + ": " + search.formatted("demo-clerk") + " → " + answer.body() + " (about nobody: "
          + aboutNobody.body() + ")");
    }
  }

  /** {@code path} or {@code POST path body}. */
  private HttpResponse<String> send(String search, String authorization, WebappLogin session) throws Exception {
    String[] parts = search.split(" ", 3);
    OutsiderOperation.Call call = parts.length == 1 ? new OutsiderOperation.Call("GET", parts[0], null)
        : new OutsiderOperation.Call(parts[0], parts[1], parts[2]);
    return session == null ? call.send(http, port, "/engine-rest", authorization, null)
        : call.send(http, port, "/camunda/api/engine/engine/default", null, session);
  }
}
