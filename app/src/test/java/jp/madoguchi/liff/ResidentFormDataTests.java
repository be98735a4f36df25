package jp.madoguchi.liff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.StaffHttp;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a resident (or staff, through /engine-rest) sends becomes process variables only as checked
 * against the apply form: a readonly field's value is dropped, a value for a field hidden by its
 * condition is refused.
 */
class ResidentFormDataTests extends IntegrationTest {

  private static final String PROBE = "form-data-probe";
  private static final String PROBE_FORM = """
      {"id": "form-data-probe-apply", "type": "default", "components": [
        {"id": "Field_Note", "type": "textfield", "key": "note", "label": "内容",
         "properties": {"confidentiality": "1", "personalData": "none"}, "validate": {"required": true, "maxLength": 20}},
        {"id": "Field_Fee", "type": "textfield", "key": "fee", "label": "手数料", "readonly": true, "defaultValue": "300円",
         "properties": {"confidentiality": "1", "personalData": "none"}},
        {"id": "Group_Detail", "type": "group", "path": "detail", "label": "詳細", "components": [
          {"id": "Field_Kind", "type": "textfield", "key": "kind", "label": "種類",
           "properties": {"confidentiality": "1", "personalData": "none"}},
          {"id": "Field_Unit", "type": "textfield", "key": "unit", "label": "単価", "readonly": true,
           "properties": {"confidentiality": "1", "personalData": "none"}}]}]}
      """;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  private Deployment probe;
  private String resident;

  @BeforeEach
  void newResident() {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    resident = LineIdTokens.newUserId();
  }

  @AfterEach
  void removeTheProbe() {
    if (probe != null) {
      jdbc.update("DELETE FROM application WHERE tenant_id = ? AND procedure_key = ?", KITA, PROBE);
      repository.deleteDeployment(probe.getId(), true);
    }
  }

  /** The review's reproduction: 住民票の写し picked up at the counter, for a pension. */
  @Test
  void shouldRefuseValuesOfFieldsHiddenByTheirConditionNamingThemAndStoreNothing() throws Exception {
    ObjectNode data = json.createObjectNode().put("certificateType", "residentRecord").put("scope", "self")
        .put("includeDomicile", false).put("includeRelationship", false).put("copies", 1).put("purpose", "pension")
        .put("applicantName", "山田 花子").put("birthDate", "1990-04-01").put("registeredAddress", "デモ市中央1-2-3")
        .put("phone", "090-1234-5678").put("delivery", "counter")
        .put("mailingAddress", "<img src=x onerror=alert(1)>" + "Z".repeat(100_000));
    data.putObject("purposeDetail").putArray("evil").add("x".repeat(50_000));

    HttpResponse<String> refused = submit(LineIdTokens.DEMO_CHANNEL, "demo", "resident-certificate", data);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode violations = json.readTree(refused.body()).get("violations");
    assertThat(violations).extracting(violation -> violation.get("field").asText())
        .containsExactlyInAnyOrder("purposeDetail", "mailingAddress");
    assertThat(violations.get(0).get("messageJa").asText()).contains("今の入力内容では使わない項目です");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE resident_ref = ?", Long.class, resident))
        .isZero();
  }

  @Test
  void shouldStartTheProcessWithTheCheckedDataNeverWithAReadonlyFieldsValue() throws Exception {
    probe = deployProbe();
    ObjectNode data = json.createObjectNode().put("note", "テスト").put("fee", "0円");

    HttpResponse<String> submitted = submit(LineIdTokens.KITA_CHANNEL, KITA, PROBE, data);

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = ? AND number = ?",
        String.class, KITA, json.readTree(submitted.body()).get("applicationNumber").asText());
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .extracting(HistoricVariableInstance::getName).contains("note", "residentRef").doesNotContain("fee");
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
        .as("the checked data is set once, not again by the registration")
        .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName()).containsOnlyOnce("note");
  }

  /** A staff start through /engine-rest had its variables kept as sent, a readonly field's value too. */
  @Test
  void shouldKeepOnlyTheCheckedDataOfAStaffRestStartToo() throws Exception {
    probe = deployProbe();
    String variables = """
        {"variables": {"note": {"value": "窓口で受付"}, "fee": {"value": "0円"},
          "detail": {"value": "{\\"kind\\": \\"机\\", \\"unit\\": \\"0円\\"}", "type": "Json"}}}""";

    HttpResponse<String> started = new StaffHttp(port).basic("POST", "/engine-rest/process-definition/key/" + PROBE
        + "/tenant-id/" + KITA + "/start", "kita-admin", "Hokubu-Admin-2026!", variables);

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = json.readTree(started.body()).get("id").asText();
    Map<String, String> kept = history.createHistoricVariableInstanceQuery().processInstanceId(instance).list().stream()
        .filter(variable -> variable.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, variable -> variable.getValue().toString()));
    assertThat(kept).containsEntry("note", "窓口で受付").doesNotContainKey("fee");
    assertThat(json.readTree(kept.get("detail"))).isEqualTo(json.readTree("{\"kind\": \"机\"}"));
  }

  private Deployment deployProbe() {
    return repository.createDeployment().tenantId(KITA).name(PROBE)
        .addString(PROBE + ".bpmn", ResidentErrorTests.BROKEN_BPMN.replace(ResidentErrorTests.BROKEN_KEY, PROBE)
            .replace("壊れた手続", "入力の確認"))
        .addString("apply.form", PROBE_FORM).deploy();
  }

  private HttpResponse<String> submit(String channel, String tenant, String procedure, ObjectNode data) throws Exception {
    String body = json.createObjectNode().put("procedureKey", procedure).put("clientRequestId", UUID.randomUUID().toString())
        .set("data", data).toString();
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/" + tenant
            + "/applications"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(channel, resident))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
