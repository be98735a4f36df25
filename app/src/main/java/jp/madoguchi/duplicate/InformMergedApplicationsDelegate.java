package jp.madoguchi.duplicate;

import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.StepInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * 「統合した申請に知らせる」: this application reached its outcome; every application of the tenant merged
 * into it ({@link MergeDuplicateDelegate}) waits for the message {@code messageName} and continues on
 * its own path (e.g. tells its resident that the repair is done).
 *
 * <p>Input parameters: {@code messageName} (required), {@code numberVariable} (the merged applications'
 * field with this application's number, default {@value MergeDuplicateDelegate#DEFAULT_NUMBER_VARIABLE};
 * the engine searches it, so it must be a field labelled 機密性1 without personal data, which is stored
 * unencrypted).
 */
@ProcedureBuildingBlock("informMergedApplications")
class InformMergedApplicationsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(StepInputs.required(execution, "messageName"))
        .tenantId(execution.getTenantId())
        .processInstanceVariableEquals(
            StepInputs.text(execution, "numberVariable", MergeDuplicateDelegate.DEFAULT_NUMBER_VARIABLE),
            execution.getVariable("applicationNumber"))
        .correlateAllWithResult();
  }
}
