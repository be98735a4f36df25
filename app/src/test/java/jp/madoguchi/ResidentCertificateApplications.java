package jp.madoguchi;

import java.util.Map;

import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Requests for 住民票の写し as a resident would send them, and the steps up to the fee. */
public final class ResidentCertificateApplications {

  public static final String PROCESS = "resident-certificate";

  private ResidentCertificateApplications() {
  }

  /** Two copies by mail: 600 yen. */
  public static VariableMap byMail(String residentRef) {
    return Variables.createVariables()
        .putValue("certificateType", "residentRecord")
        .putValue("scope", "household")
        .putValue("includeDomicile", false)
        .putValue("includeRelationship", true)
        .putValue("copies", 2L)
        .putValue("purpose", "pension")
        .putValue("applicantName", "窓口 花子")
        .putValue("birthDate", "1990-04-01")
        .putValue("registeredAddress", "デモ市中央1-2-3")
        .putValue("phone", "090-1234-5678")
        .putValue("delivery", "mail")
        .putValue("mailingAddress", "デモ市中央1-2-3")
        .putValue("residentRef", residentRef);
  }

  /** One copy, picked up at the counter: 300 yen. */
  public static VariableMap atCounter(String residentRef) {
    VariableMap variables = byMail(residentRef).putValue("copies", 1L).putValue("delivery", "counter");
    variables.remove("mailingAddress");
    return variables;
  }

  public static ProcessInstance start(RuntimeService runtime, VariableMap variables) {
    return TenantContext.callAs(IntegrationTest.DEMO, () -> runtime.startProcessInstanceByKey(PROCESS, variables));
  }

  /** Started and its receipt issued (an asynchronous step): waiting for the identity assurance. */
  public static ProcessInstance awaitingIdentity(RuntimeService runtime, ManagementService management,
      VariableMap variables) {
    ProcessInstance instance = start(runtime, variables);
    BulkyWasteApplications.runJobs(management, instance.getId());
    return instance;
  }

  public static void assureIdentity(RuntimeService runtime, ProcessInstance instance) {
    runtime.createMessageCorrelation("IdentityAssured").processInstanceId(instance.getId())
        .setVariable("identityAssuranceLevel", "demo").correlate();
  }

  /** Started, identity assured and approved: waiting for the fee. */
  public static ProcessInstance awaitingPayment(RuntimeService runtime, TaskService tasks, ManagementService management,
      VariableMap variables) {
    ProcessInstance instance = awaitingIdentity(runtime, management, variables);
    assureIdentity(runtime, instance);
    String review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    tasks.complete(review, approval());
    return instance;
  }

  public static Map<String, Object> approval() {
    return Map.of("decision", "approve");
  }

  public static Map<String, Object> rejection() {
    return Map.of("decision", "reject", "rejectReason", "請求できる方の範囲を超えています。");
  }

  public static Map<String, Object> returnForCorrection() {
    return Map.of("decision", "return", "returnComment", "使いみちを具体的に書いてください。");
  }
}
