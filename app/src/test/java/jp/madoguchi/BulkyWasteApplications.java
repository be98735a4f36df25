package jp.madoguchi;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;

/** Start variables of a valid bulky-waste-collection application, as a resident would send them. */
public final class BulkyWasteApplications {

  private BulkyWasteApplications() {
  }

  public static VariableMap valid() {
    return Variables.createVariables()
        .putValue("items", SpinValues.jsonValue("[{\"name\":\"ソファ\",\"size\":\"L\",\"quantity\":1},"
            + "{\"name\":\"自転車\",\"size\":\"M\",\"quantity\":2}]").create())
        .putValue("applicantName", "山田 花子")
        .putValue("address", "デモ市中央1-2-3")
        .putValue("preferredDate1", TestDates.daysAhead(14))
        .putValue("phone", "090-1234-5678")
        .putValue("residentRef", "U0123456789abcdef0123456789abcdef");
  }

  public static Map<String, Object> approval(String collectionDate) {
    return Map.of("decision", "approve", "collectionDate", collectionDate, "fee", 1200L, "ticketNumber", "T-2026-0001");
  }

  public static Map<String, Object> rejection() {
    return Map.of("decision", "reject", "rejectReason", "家電リサイクル法の対象品目のため収集できません。");
  }

  public static Map<String, Object> returnForCorrection() {
    return Map.of("decision", "return", "returnComment", "品目の大きさを確認してください。");
  }

  /** Runs the instance's due jobs: the receipt is issued asynchronously before the review starts. */
  public static void runJobs(ManagementService management, String processInstanceId) {
    management.createJobQuery().processInstanceId(processInstanceId).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
  }

  /** The layouts of the documents issued for the instance, in the order they were issued. */
  public static List<String> documents(JdbcTemplate jdbc, ProcessInstance instance) {
    return jdbc.queryForList("SELECT layout FROM document WHERE process_instance_id = ? ORDER BY issued_at, id",
        String.class, instance.getId());
  }

  public static List<String> residentStatuses(List<jp.madoguchi.application.ResidentStatus> timeline) {
    return timeline.stream().map(jp.madoguchi.application.ResidentStatus::status).toList();
  }
}
