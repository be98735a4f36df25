package jp.madoguchi.notification;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ApplicationRepository;
import jp.madoguchi.crypto.ThreadRandom;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.ProcedureLabels;
import jp.madoguchi.procedure.StepInputCheck;
import jp.madoguchi.procedure.StepInputs;
import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;

/**
 * The reusable "LINE で住民に通知" step. The designer writes the text in Modeler as the input
 * parameter {@code message} (placeholders such as {@code ${applicationNumber}} are resolved by
 * the engine); the step queues it in the outbox within the engine's transaction, so the
 * message exists exactly when the process step that announces it has happened. Delivery to LINE
 * is the relay's job, so the step itself needs no asynchronous continuation.
 *
 * <p>Input parameters: {@code message} (required), {@code linkToStatus} (optional, default true).
 */
@ProcedureBuildingBlock(value = "notifyResident", requiredInputs = NotifyResidentDelegate.MESSAGE)
class NotifyResidentDelegate implements JavaDelegate, StepInputCheck {

  static final String MESSAGE = "message";
  static final String LINK_TO_STATUS = "linkToStatus";
  static final String PURPOSE = "notification_outbox.message";

  private final ApplicationRepository applications;
  private final OutboxRepository outbox;
  private final TenantKeys keys;
  private final ObjectMapper json;
  private final ProcedureLabels labels;

  NotifyResidentDelegate(ApplicationRepository applications, OutboxRepository outbox, TenantKeys keys,
      ObjectMapper json, ProcedureLabels labels) {
    this.applications = applications;
    this.outbox = outbox;
    this.keys = keys;
    this.json = json;
    this.labels = labels;
  }

  /** Written out, linkToStatus is a text, which never turns the button off: only ${false} does. */
  @Override
  public String[] problem(String input, String written) {
    if (LINK_TO_STATUS.equals(input) && !"true".equals(written.strip())) {
      return new String[] {"「申請状況を見る」ボタンの有無 linkToStatus「" + written + "」は ${true} か ${false} で書いてください"
          + "（文字で書いた false ではボタンは消えません）", "write linkToStatus '" + written + "' as ${true} or ${false}; "
          + "written as text, even false leaves the button on"};
    }
    return null;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object text = execution.getVariableLocal(MESSAGE);
    if (!(text instanceof String message) || message.isBlank()) {
      throw StepInputs.modellingError("Notify resident step " + execution.getCurrentActivityId()
          + " needs the input parameter 'message'");
    }
    refuseConfidentialFields(execution);
    String tenantId = execution.getTenantId();
    ApplicationRecord application = applications.findByProcessInstance(tenantId, execution.getProcessInstanceId())
        .orElseThrow(() -> StepInputs.modellingError("Notify resident before the application was registered"));
    ObjectNode content = json.createObjectNode()
        .put("text", message)
        .put("applicationNumber", application.number())
        .put("linkToStatus", !Boolean.FALSE.equals(execution.getVariableLocal(LINK_TO_STATUS)));
    var queued = new OutboxMessage(ThreadRandom.uuid(), tenantId, application.id(), execution.getProcessInstanceId(),
        execution.getCurrentActivityId(), application.residentRef(), content.toString(), ThreadRandom.uuid(),
        application.residentRef() == null ? OutboxMessage.Status.SKIPPED : OutboxMessage.Status.PENDING);
    outbox.insert(queued, keys.encrypt(tenantId, PURPOSE, queued.messageJson()));
  }

  /**
   * The deploy guard refuses a message template with a field of 機密性2 or above or a variable without a
   * label; a procedure deployed before the guard checked it is stopped here, before anything is queued.
   */
  private void refuseConfidentialFields(DelegateExecution execution) {
    ExtensionElements extensions = execution.getBpmnModelElementInstance().getExtensionElements();
    if (extensions == null) {
      return;
    }
    for (CamundaInputOutput io : extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list()) {
      for (CamundaInputParameter input : io.getCamundaInputParameters()) {
        List<String> refused = MESSAGE.equals(input.getCamundaName())
            ? labels.notForChat(execution.getProcessDefinitionId(), input.getTextContent()).all() : List.of();
        if (!refused.isEmpty()) {
          throw new ProcessEngineException("LINE の通知に機密性2以上の項目と情報区分のない変数は入れられません (a LINE message "
              + "cannot carry fields of confidentiality 2 or above or variables without a label): step "
              + execution.getCurrentActivityId() + ", names " + refused);
        }
      }
    }
  }
}
