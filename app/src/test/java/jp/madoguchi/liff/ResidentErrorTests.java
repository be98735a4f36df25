package jp.madoguchi.liff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A resident only ever reads Japanese that says what to do: a mistyped page address gets a Japanese
 * page with status 404 (not Spring's Whitelabel page), a procedure whose deployment is broken answers
 * 503 with a Japanese message (not the engine's English text and a 500).
 */
class ResidentErrorTests extends IntegrationTest {

  /**
   * A procedure whose apply form has a pattern Java cannot compile. The deploy guard now refuses such
   * a form; one stored by an earlier release is still there, which {@link #deployBroken} reproduces.
   */
  static final String BROKEN_KEY = "broken-procedure";
  static final String BROKEN_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
          xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_Broken" targetNamespace="https://madoguchi.jp/procedures">
        <bpmn:process id="broken-procedure" name="壊れた手続" isExecutable="true" camunda:historyTimeToLive="365">
          <bpmn:extensionElements>
            <camunda:properties>
              <camunda:property name="summary" value="テスト用" />
              <camunda:property name="departments" value="waste-section" />
              <camunda:property name="confidentiality" value="1" />
              <camunda:property name="personalData" value="none" />
              <camunda:property name="retentionYears" value="1" />
            </camunda:properties>
          </bpmn:extensionElements>
          <bpmn:startEvent id="StartEvent_Submitted" name="受信" camunda:formRef="broken-procedure-apply" camunda:formRefBinding="deployment">
            <bpmn:outgoing>Flow_ToRegister</bpmn:outgoing>
          </bpmn:startEvent>
          <bpmn:serviceTask id="Task_RegisterApplication" name="申請の受付登録" camunda:delegateExpression="${registerApplication}">
            <bpmn:incoming>Flow_ToRegister</bpmn:incoming>
            <bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
          </bpmn:serviceTask>
          <bpmn:endEvent id="Event_Done" name="終了"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="Flow_ToRegister" sourceRef="StartEvent_Submitted" targetRef="Task_RegisterApplication" />
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_RegisterApplication" targetRef="Event_Done" />
        </bpmn:process>
        <bpmndi:BPMNDiagram id="Diagram_Broken">
          <bpmndi:BPMNPlane id="Plane_Broken" bpmnElement="broken-procedure">
            <bpmndi:BPMNShape id="Shape_Start" bpmnElement="StartEvent_Submitted"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Shape_Register" bpmnElement="Task_RegisterApplication"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Shape_Done" bpmnElement="Event_Done"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="Edge_ToRegister" bpmnElement="Flow_ToRegister"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="Edge_ToEnd" bpmnElement="Flow_ToEnd"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane>
        </bpmndi:BPMNDiagram>
      </bpmn:definitions>
      """;
  static final String STEP_SETTINGS_KEY = "step-settings-probe";
  static final String BROKEN_FORM = """
      {"id": "broken-procedure-apply", "type": "default", "components": [
        {"id": "Field_Code", "type": "textfield", "key": "code", "label": "番号",
         "properties": {"confidentiality": "1", "personalData": "none"},
         "validate": {"required": true, "pattern": "[0-9"}}]}
      """;

  /** Deploys the procedure with a readable form, then stores the broken one in its place, behind the guard. */
  static Deployment deployBroken(RepositoryService repository, JdbcTemplate jdbc, String tenant) {
    Deployment deployment = repository.createDeployment().tenantId(tenant).name(BROKEN_KEY)
        .addString(BROKEN_KEY + ".bpmn", BROKEN_BPMN).addString("apply.form", BROKEN_FORM.replace("[0-9", "[0-9]+"))
        .deploy();
    jdbc.update("UPDATE act_ge_bytearray SET bytes_ = ? WHERE deployment_id_ = ? AND name_ = 'apply.form'",
        BROKEN_FORM.getBytes(StandardCharsets.UTF_8), deployment.getId());
    return deployment;
  }

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newHttpClient();
  private Deployment broken;

  @AfterEach
  void removeTheBrokenProcedure() {
    if (broken != null) {
      repository.deleteDeployment(broken.getId(), true);
    }
  }

  @Test
  void shouldAnswerAMistypedPageAddressWithTheJapanesePageAppAndStatus404() throws Exception {
    HttpResponse<String> page = get("/liff/demo/aply/bulky-waste-collection", "text/html");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("<html lang=\"ja\">", "id=\"app\"").doesNotContain("Whitelabel");
  }

  @Test
  void shouldAnswerAnyOtherUnknownPageInJapanese() throws Exception {
    for (String path : new String[] {"/no-such-page", "/liff/demo/assets/no-such-file.js"}) {
      HttpResponse<String> page = get(path, "text/html");

      assertThat(page.statusCode()).as(path).isBetween(400, 499);
      assertThat(page.body()).as(path).contains("lang=\"ja\"").doesNotContain("Whitelabel");
    }
    assertThat(get("/liff/demo/assets/no-such-file.js", "text/html").body()).contains("ページが見つかりません", "LINE");
  }

  @Test
  void shouldTellTheResidentInJapaneseThatABrokenProcedureCannotBeUsedNow() throws Exception {
    broken = deployBroken(repository, jdbc, KITA);
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    String token = LineIdTokens.LINE.token(LineIdTokens.KITA_CHANNEL, LineIdTokens.newUserId());

    HttpResponse<String> form = newDeploymentVisible("/api/kita/procedures/" + BROKEN_KEY + "/apply-form");
    HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(uri("/api/kita/applications"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"procedureKey": "%s", "data": {"code": "1"}, "clientRequestId": "%s"}""".formatted(BROKEN_KEY, UUID.randomUUID())))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    for (HttpResponse<String> answer : java.util.List.of(form, submitted)) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
      String message = json.readTree(answer.body()).get("message").asText();
      assertThat(message).startsWith("この手続は、ただいま受け付けを止めています。").contains("お問い合わせ")
          .doesNotContain("pattern", "Exception", "Procedure");
    }
  }

  /**
   * A building block's setting given by an expression that turns out empty when the step runs (the deploy
   * guard checks only values written out): the procedure is unusable, not the server broken.
   */
  @Test
  void shouldTellTheResidentThatAProcedureIsUnavailableWhenAStepsSettingFailsAtRunTime() throws Exception {
    broken = repository.createDeployment().tenantId(DEMO).name(STEP_SETTINGS_KEY)
        .addString(STEP_SETTINGS_KEY + ".bpmn", example("garbage-station-request.bpmn")
            .replaceFirst("<camunda:inputParameter name=\"message\">[^<]*</camunda:inputParameter>",
                "<camunda:inputParameter name=\"message\">\\${null}</camunda:inputParameter>"))
        .addString("apply.form", example("forms/garbage-station-request/apply.form"))
        .addString("review.form", example("forms/garbage-station-request/review.form"))
        .deploy();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    String token = LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, LineIdTokens.newUserId());
    newDeploymentVisible("/api/demo/procedures/" + STEP_SETTINGS_KEY + "/apply-form");

    HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(uri("/api/demo/applications"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"procedureKey": "%s", "clientRequestId": "%s", "data": {"applicantName": "窓口 花子", "kind": "new",
             "address": "本町1-2-3", "households": 5, "phone": "090-1234-5678"}}""".formatted(STEP_SETTINGS_KEY,
            UUID.randomUUID()))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(503);
    assertThat(json.readTree(submitted.body()).get("message").asText()).isEqualTo(ResidentApiErrors.PROCEDURE_UNAVAILABLE);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE procedure_key = ?", Long.class,
        STEP_SETTINGS_KEY)).as("nothing half-written").isZero();
  }

  private static String example(String file) throws IOException {
    return Files.readString(Path.of("../examples/add-a-procedure", file)).replace("garbage-station-request",
        STEP_SETTINGS_KEY);
  }

  /** The catalogue lists a new deployment within 5 s: an earlier test may have just read the tenant's. */
  private HttpResponse<String> newDeploymentVisible(String path) throws Exception {
    long giveUp = System.nanoTime() + 6_000_000_000L;
    HttpResponse<String> answer = get(path, "application/json");
    while (answer.statusCode() == 404 && System.nanoTime() < giveUp) {
      Thread.sleep(200);
      answer = get(path, "application/json");
    }
    return answer;
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
