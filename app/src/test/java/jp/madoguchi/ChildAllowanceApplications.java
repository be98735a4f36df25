package jp.madoguchi;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A valid child-allowance application: two children aged 6 and 1 (relative to today, so the
 * estimate stays 10,000 + 15,000 yen whenever the tests run).
 */
public final class ChildAllowanceApplications {

  public static final long ESTIMATED_MONTHLY_AMOUNT = 25_000;

  private ChildAllowanceApplications() {
  }

  /** The resident's apply form data as the LIFF page sends it. */
  public static ObjectNode data() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    try {
      return (ObjectNode) new ObjectMapper().readTree("""
          {"applicantName": "山田 花子", "applicantKana": "ヤマダ ハナコ", "applicantBirthDate": "1990-04-02",
           "address": "デモ市中央1-2-3", "phone": "090-1234-5678", "hasSpouse": "あり", "spouseName": "山田 一郎",
           "children": [
             {"name": "山田 太郎", "kana": "ヤマダ タロウ", "birthDate": "%s", "relationship": "子", "livingTogether": true},
             {"name": "山田 次郎", "kana": "ヤマダ ジロウ", "birthDate": "%s", "relationship": "子", "livingTogether": true}],
           "bankName": "デモ銀行", "branchName": "中央支店", "accountType": "普通", "accountNumber": "0123456",
           "accountHolderKana": "ヤマダ ハナコ", "consent": true}""".formatted(today.minusYears(6), today.minusYears(1)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same data as start variables of a process instance, with the resident's LINE user id. */
  public static VariableMap valid(String residentRef) {
    VariableMap variables = Variables.createVariables();
    data().fields().forEachRemaining(field -> {
      if (field.getValue().isContainerNode()) {
        variables.putValueTyped(field.getKey(), SpinValues.jsonValue(field.getValue().toString()).create());
      } else if (field.getValue().isBoolean()) {
        variables.putValue(field.getKey(), field.getValue().booleanValue());
      } else {
        variables.putValue(field.getKey(), field.getValue().asText());
      }
    });
    return variables.putValue("residentRef", residentRef);
  }

  public static Map<String, Object> approvalProposal() {
    return Map.of("reviewDecision", "approve", "monthlyAmount", 25_000L, "startMonth", "2026-12");
  }

  public static Map<String, Object> rejection() {
    return Map.of("reviewDecision", "reject", "rejectReason", "請求者が児童を養育している事実を確認できませんでした。");
  }

  public static Map<String, Object> returnForCorrection(String comment) {
    return Map.of("reviewDecision", "return", "returnComment", comment);
  }

  public static Map<String, Object> chiefApproval() {
    return Map.of("chiefDecision", "approve");
  }

  public static Map<String, Object> chiefSendBack(String comment) {
    return Map.of("chiefDecision", "sendBack", "chiefComment", comment);
  }
}
