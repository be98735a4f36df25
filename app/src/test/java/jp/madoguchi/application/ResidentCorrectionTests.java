package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.ChildAllowanceApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A resident's correction leaves the process with the corrected data only: a field it drops is no variable any more. */
class ResidentCorrectionTests extends IntegrationTest {

  @Autowired ResidentSubmissions submissions;
  @Autowired ResidentApplicationCommands commands;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  private String resident;

  @BeforeEach
  void newResident() {
    resident = LineIdTokens.newUserId();
  }

  @Test
  void shouldRemoveTheSpouseFromTheProcessWhenTheCorrectionHasNone() throws Exception {
    String number = file("child-allowance", ChildAllowanceApplications.data());
    String instance = returned(number, ChildAllowanceApplications.returnForCorrection("配偶者の有無を確認してください。"));
    assertThat(runtime.getVariables(instance)).containsEntry("spouseName", "山田 一郎");

    ObjectNode corrected = ChildAllowanceApplications.data().put("hasSpouse", "なし").put("phone", "090-8765-4321");
    corrected.remove("spouseName");
    commands.correct(DEMO, resident, number, corrected, null);

    Map<String, Object> variables = runtime.getVariables(instance);
    assertThat(variables).doesNotContainKey("spouseName")
        .containsEntry("hasSpouse", "なし").containsEntry("phone", "090-8765-4321").containsEntry("applicantName", "山田 花子");
    assertThat(readable(instance).get("spouseName").asText()).isEmpty();
  }

  @Test
  void shouldRemoveTheOptionalFieldsABulkyWasteCorrectionLeavesEmpty() throws Exception {
    ObjectNode first = bulkyWaste().put("addressDetail", "デモハイツ101号室").put("note", "玄関前に出します。")
        .put("preferredDate2", TestDates.daysAhead(15));
    String number = file("bulky-waste-collection", first);
    String instance = returned(number, BulkyWasteApplications.returnForCorrection());

    commands.correct(DEMO, resident, number, bulkyWaste().put("address", "デモ市中央1-2-4"), null);

    assertThat(runtime.getVariables(instance)).doesNotContainKeys("addressDetail", "note", "preferredDate2")
        .containsEntry("address", "デモ市中央1-2-4");
  }

  private ObjectNode bulkyWaste() {
    ObjectNode data = json.createObjectNode();
    data.set("items", json.createArrayNode().add(json.createObjectNode().put("name", "ソファ").put("size", "L")
        .put("quantity", 1)));
    return data.put("applicantName", "山田 花子").put("address", "デモ市中央1-2-3")
        .put("preferredDate1", TestDates.daysAhead(14)).put("phone", "090-1234-5678");
  }

  private String file(String procedure, ObjectNode data) {
    return submissions.submit(DEMO, resident, procedure, data, UUID.randomUUID()).applicationNumber();
  }

  /** Through the receipt to the review, where the clerk returns it for correction. */
  private String returned(String number, Map<String, Object> returnDecision) {
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = ? AND number = ?",
        String.class, DEMO, number);
    BulkyWasteApplications.runJobs(management, instance);
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(), returnDecision);
    BulkyWasteApplications.runJobs(management, instance);
    return instance;
  }

  private JsonNode readable(String instance) throws Exception {
    return json.readTree(runtime.getVariable(instance, "readable").toString());
  }
}
