package jp.madoguchi.security;

import static jp.madoguchi.security.PerimeterAttackTests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
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
    FiledApplication filed = FiledApplication.file(engine, port, "改変確認 ");
    List<OutsiderOperation> operations = OutsiderOperation.writing(CamundaOpenApi.description());
    assertThat(operations).as("Camunda's writing operations were read").hasSizeGreaterThan(150);
    Map<String, String> before = EngineState.of(engine, filed.instance());

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

    assertThat(EngineState.of(engine, filed.instance())).as("the application and its procedure after %d kinds of request", operations.size())
        .isEqualTo(before);
    assertThat(telling).as("answers that differ from those about an application that does not exist").isEmpty();
  }

  private void compare(List<String> telling, String outsider, OutsiderOperation.Call call,
      OutsiderOperation.Call unknown, String authorization, WebappLogin session) throws Exception {
    int answer = call.send(http, port, base(session), authorization, session).statusCode();
    int answerForUnknown = unknown.equals(call) ? answer
        : unknown.send(http, port, base(session), authorization, session).statusCode();
    if (answer != answerForUnknown) {
      telling.add(outsider + ": " + call + " → " + answer + " (about an unknown one: " + answerForUnknown + ")");
    }
  }

  /** {@code /engine-rest} with Basic, or the webapps' engine API in a session. */
  private static String base(WebappLogin session) {
    return session == null ? "/engine-rest" : "/camunda/api/engine/engine/default";
  }

  /** The same request about ids nobody has: what an outsider's answer may not differ from. */
  private static OutsiderOperation.Call aboutAnUnknownApplication(OutsiderOperation.Call call,
      FiledApplication filed) {
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
}
