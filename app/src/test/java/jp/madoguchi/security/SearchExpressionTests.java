package jp.madoguchi.security;

import static jp.madoguchi.security.PerimeterAttackTests.basic;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.IntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Expressions a member of staff sends with a task search: Camunda refuses them in the search itself
 * ("Expressions are forbidden in adhoc queries") but evaluated those inside its {@code orQueries}, on
 * the server, for any clerk ({@code "a".repeat(n)} allocates what n asks for). They are refused too, on
 * {@code /engine-rest} and in a Tasklist session, for a task search and for what a request adds to a
 * filter's search; the filters' own stored expressions still work.
 */
class SearchExpressionTests extends IntegrationTest {

  private static final List<String> EXPRESSIONS = List.of("${\\\"demo-\\\".concat(\\\"clerk\\\")}", "${1+1}",
      "${currentUser()}");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void shouldRefuseExpressionsInsideASearchsAlternatives() throws Exception {
    String authorization = basic("demo-clerk", DEMO_CLERK_PASSWORD);
    WebappLogin tasklist = WebappLogin.as(port, "demo-clerk", DEMO_CLERK_PASSWORD, "tasklist");
    SoftAssertions softly = new SoftAssertions();
    for (String path : searches()) {
      for (String expression : EXPRESSIONS) {
        OutsiderOperation.Call search = new OutsiderOperation.Call("POST", path,
            "{\"orQueries\": [{\"assigneeExpression\": \"" + expression + "\"}]}");
        for (HttpResponse<String> answer : List.of(search.send(http, port, "/engine-rest", authorization, null),
            search.send(http, port, "/camunda/api/engine/engine/default", null, tasklist))) {
          softly.assertThat(answer.statusCode()).as(search + ": " + answer.body()).isEqualTo(400);
          softly.assertThat(answer.body()).as(search.toString()).contains("式", "orQueries");
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void shouldStillSearchByValuesAndByTheFiltersOwnExpressions() throws Exception {
    String authorization = basic("demo-clerk", DEMO_CLERK_PASSWORD);
    SoftAssertions softly = new SoftAssertions();
    for (String path : searches()) {
      for (String body : List.of("{\"orQueries\": [{\"assignee\": \"demo-clerk\"}, {\"assigneeExpression\": null}]}",
          "{}")) {
        OutsiderOperation.Call search = new OutsiderOperation.Call("POST", path, body);
        HttpResponse<String> answer = search.send(http, port, "/engine-rest", authorization, null);
        softly.assertThat(answer.statusCode()).as(search + ": " + answer.body()).isEqualTo(200);
      }
    }
    softly.assertAll();
  }

  /** Stored searches may hold expressions, so no account may store one: the filters are the app's. */
  @Test
  void shouldLetNobodyCreateOrChangeAFilter() throws Exception {
    String myTasks = engine.getFilterService().createFilterQuery().filterName("自分の担当 (My tasks)").singleResult()
        .getId();
    String stored = "{\"resourceType\": \"Task\", \"name\": \"x\", \"query\": {\"assigneeExpression\": "
        + "\"${\\\"demo-\\\".concat(\\\"chief\\\")}\"}}";
    SoftAssertions softly = new SoftAssertions();
    for (String authorization : List.of(basic("demo-admin", DEMO_ADMIN_PASSWORD), basic("demo-clerk", DEMO_CLERK_PASSWORD),
        basic("kita-admin", "Hokubu-Admin-2026!"), basic("test-operator", "Operator-Pass-2026!"))) {
      for (OutsiderOperation.Call change : List.of(new OutsiderOperation.Call("POST", "/filter/create", stored),
          new OutsiderOperation.Call("PUT", "/filter/" + myTasks, stored))) {
        HttpResponse<String> answer = change.send(http, port, "/engine-rest", authorization, null);
        softly.assertThat(answer.statusCode()).as(change + ": " + answer.body()).isEqualTo(403);
      }
    }
    softly.assertThat(engine.getFilterService().createFilterQuery().filterName("x").count()).isZero();
    softly.assertThat(engine.getFilterService().getFilter(myTasks).getName()).isEqualTo("自分の担当 (My tasks)");
    softly.assertAll();
  }

  /** A task search and its count, and the list and count of each clerk's filter (stored with expressions). */
  private List<String> searches() {
    List<String> searches = new ArrayList<>(List.of("/task", "/task/count"));
    for (String name : List.of("部署の未処理 (Department queue)", "自分の担当 (My tasks)")) {
      String filter = engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
      searches.add("/filter/" + filter + "/list");
      searches.add("/filter/" + filter + "/count");
    }
    return searches;
  }
}
