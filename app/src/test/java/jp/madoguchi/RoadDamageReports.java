package jp.madoguchi;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/** Start variables of a valid road-damage-report, as a resident would send them, and clerks' decisions. */
public final class RoadDamageReports {

  /** The day the clerk records the repair as done: yesterday, as the form takes no day still to come. */
  public static final String REPAIRED_DAY = TestDates.daysAgo(1);

  private RoadDamageReports() {
  }

  public static VariableMap report(String category, boolean dangerous, UUID... photos) {
    String ids = List.of(photos).stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    return Variables.createVariables()
        .putValue("category", category)
        .putValue("dangerous", dangerous)
        .putValue("description", "歩道の端に直径30cmほどの穴があります。")
        .putValue("photos", SpinValues.jsonValue(ids).create())
        .putValue("locationAddress", "デモ市中央1-2 中央公園南入口前")
        .putValue("applicantName", "佐藤 一郎")
        .putValue("latitude", 35.681236)
        .putValue("longitude", 139.767125)
        .putValue("residentRef", LineIdTokens.newUserId());
  }

  public static Map<String, Object> accept() {
    return Map.of("decision", "accept");
  }

  public static Map<String, Object> reject() {
    return Map.of("decision", "reject", "rejectReason", "国道のため、国道事務所に連絡しました。");
  }

  public static Map<String, Object> duplicateOf(String number) {
    return Map.of("decision", "duplicate", "duplicateOf", number);
  }

  public static Map<String, Object> startRepair() {
    return Map.of("plannedDate", TestDates.daysAhead(14));
  }

  public static Map<String, Object> completeRepair() {
    return Map.of("repairNote", "穴をアスファルトで埋めました。", "repairedDate", REPAIRED_DAY, "afterPhotoUploaded", true);
  }
}
