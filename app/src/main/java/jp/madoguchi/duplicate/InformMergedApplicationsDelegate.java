package jp.madoguchi.duplicate;

import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.ProcedureForms;
import jp.madoguchi.procedure.StepInputs;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * 「統合した申請に知らせる」: this application reached its outcome; every application of the same
 * procedure and tenant merged into it ({@link MergeDuplicateDelegate}) waits for the message
 * {@code messageName} and continues on its own path (e.g. tells its resident that the repair is done).
 * Only those are reached: the number is this application's own (its business key, set when it was
 * registered), never a variable a step could set, and the deploy guard accepts only a message name the
 * same process waits for.
 *
 * <p>Input parameters: {@code messageName} (required), {@code numberVariable} (the merged applications'
 * field with this application's number, default {@value MergeDuplicateDelegate#DEFAULT_NUMBER_VARIABLE};
 * the engine searches it, so it must be a field labelled 機密性1 without personal data, which is stored
 * unencrypted).
 */
@ProcedureBuildingBlock(value = "informMergedApplications", requiredInputs = "messageName")
class InformMergedApplicationsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    if (number == null) {
      throw StepInputs.modellingError("Step " + execution.getCurrentActivityId()
          + " needs the application number: place it after registerApplication");
    }
    String message = StepInputs.required(execution, "messageName");
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (ProcessInstance merged : runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcedureForms.procedureKey(execution))
        .tenantIdIn(execution.getTenantId())
        .variableValueEquals(StepInputs.text(execution, "numberVariable", MergeDuplicateDelegate.DEFAULT_NUMBER_VARIABLE),
            number)
        .list()) {
      runtime.createMessageCorrelation(message).processInstanceId(merged.getId()).correlateAllWithResult();
    }
  }
}
