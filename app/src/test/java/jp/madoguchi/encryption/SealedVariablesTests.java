package jp.madoguchi.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.RoadDamageReports;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Process variables are stored sealed with the tenant's key in every engine table, and read back
 * clear by the engine, its history, Tasklist's and Cockpit's REST API; a field labelled public stays
 * searchable.
 */
class SealedVariablesTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldStoreEveryValueSealedAndReadItBackClear() throws Exception {
    String address = "封印市" + UUID.randomUUID().toString().substring(0, 8);
    String sofa = "ソファ" + UUID.randomUUID().toString().substring(0, 8);
    VariableMap start = BulkyWasteApplications.valid().putValue("address", address)
        .putValue("items", SpinValues.jsonValue("[{\"name\":\"" + sofa + "\",\"size\":\"L\",\"quantity\":1}]").create());
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(
        "bulky-waste-collection", start));

    for (String table : List.of("act_ru_variable", "act_hi_varinst")) {
      Map<String, Object> row = jdbc.queryForMap("SELECT " + (table.equals("act_ru_variable") ? "type_" : "var_type_")
          + " AS type_, text_, text2_ FROM " + table + " WHERE proc_inst_id_ = ? AND name_ = 'address'", instance.getId());
      assertThat((String) row.get("type_")).isEqualTo("madoguchi-sealed:string");
      assertThat((String) row.get("text2_")).isEqualTo("madoguchi:sealed:v1:demo");
      assertThat((String) row.get("text_")).doesNotContain(address).doesNotContain(base64(address));
    }
    assertThat(jdbc.queryForList("SELECT coalesce(text_, '') || coalesce(text2_, '') FROM act_hi_detail "
        + "WHERE proc_inst_id_ = ?", String.class, instance.getId())).isNotEmpty().noneMatch(text -> text.contains(address));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ge_bytearray b JOIN act_ru_variable v ON v.bytearray_id_ = b.id_ "
        + "WHERE v.proc_inst_id_ = ? AND v.name_ = 'items' AND position(convert_to(?, 'UTF8') in b.bytes_) = 0", Long.class,
        instance.getId(), sofa)).as("the JSON list's byte array is sealed").isEqualTo(1);

    assertThat(runtime.getVariable(instance.getId(), "address")).isEqualTo(address);
    assertThat(((SpinJsonNode) runtime.getVariable(instance.getId(), "items")).elements().get(0).prop("name").stringValue())
        .isEqualTo(sofa);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName("address")
        .singleResult().getValue()).isEqualTo(address);
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
        .anyMatch(detail -> address.equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getValue()));

    JsonNode variables = json.readTree(get("/engine-rest/process-instance/" + instance.getId()
        + "/variables?deserializeValues=false").body());
    assertThat(variables.get("address").get("value").asText()).isEqualTo(address);
    assertThat(variables.get("address").get("type").asText()).isEqualTo("String");
    assertThat(variables.get("items").get("type").asText()).isEqualTo("Json");
    assertThat(variables.get("items").get("value").asText()).contains(sofa);
  }

  @Test
  void shouldKeepGatewaysAndTaskFormsWorkingOnSealedValues() {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(
        "bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(management, instance.getId());
    String review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

    tasks.complete(review, BulkyWasteApplications.rejection());

    assertThat(jdbc.queryForList("SELECT DISTINCT var_type_ FROM act_hi_varinst WHERE proc_inst_id_ = ? AND name_ = 'address'",
        String.class, instance.getId())).as("personal data is sealed").containsExactly("madoguchi-sealed:string");
    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("Task_IssueRejectionNotice");
  }

  @Test
  void shouldKeepAFieldLabelledPublicSearchable() {
    ProcessInstance original = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(
        "road-damage-report", RoadDamageReports.report("その他", false, UUID.randomUUID())));

    runtime.setVariable(original.getId(), "duplicateOf", "2099-000042");

    assertThat(jdbc.queryForObject("SELECT text_ FROM act_ru_variable WHERE proc_inst_id_ = ? AND name_ = 'duplicateOf'",
        String.class, original.getId())).isEqualTo("2099-000042");
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("duplicateOf", "2099-000042").list())
        .extracting(ProcessInstance::getId).containsExactly(original.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(original.getId())
        .variableValueEquals("locationAddress", "デモ市中央1-2 中央公園南入口前").count())
        .as("a sealed value cannot be searched").isZero();
  }

  @Test
  void shouldSealClerksCommentsAndRefuseTheEnginesOtherFreeText() throws Exception {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(
        "bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(management, instance.getId());
    String task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    String note = "電話で山田様に確認済み" + UUID.randomUUID().toString().substring(0, 6);

    HttpResponse<String> added = post("/engine-rest/task/" + task + "/comment/create", "{\"message\": \"" + note + "\"}");

    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(json.readTree(added.body()).get("message").asText()).isEqualTo(note);
    assertThat(jdbc.queryForObject("SELECT message_ FROM act_hi_comment WHERE task_id_ = ?", String.class, task))
        .startsWith("madoguchi:sealed:v1:demo:").doesNotContain(note);
    assertThat(jdbc.queryForObject("SELECT position(convert_to(?, 'UTF8') in full_msg_) FROM act_hi_comment "
        + "WHERE task_id_ = ?", Integer.class, note, task)).isZero();
    assertThat(tasks.getTaskComments(task)).extracting(Comment::getFullMessage).containsExactly(note);
    assertThat(json.readTree(get("/engine-rest/task/" + task + "/comment").body()).get(0).get("message").asText())
        .isEqualTo(note);
    assertThat(jdbc.queryForObject("SELECT message_ FROM act_hi_comment WHERE task_id_ = ?", String.class, task))
        .as("reading does not write the opened text back").doesNotContain(note);

    String commentId = tasks.getTaskComments(task).get(0).getId();
    assertThatThrownBy(() -> tasks.updateTaskComment(task, commentId, "書き換え")).isInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> tasks.createAttachment("file", task, null, "山田様の免許証", "写し", "https://example.org/x"))
        .isInstanceOf(BadUserRequestException.class);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(("demo-admin:" + DEMO_ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }
}
