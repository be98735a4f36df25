package jp.madoguchi.road;

import jp.madoguchi.procedure.ProcedureBuildingBlock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The report is fixed: every report merged into it is waiting for the message
 * {@value #ORIGINAL_FIXED} and continues with its own "対応完了" notification to its resident.
 */
@ProcedureBuildingBlock("informMergedReports")
class InformMergedReportsDelegate implements JavaDelegate {

  static final String ORIGINAL_FIXED = "OriginalReportFixed";

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(ORIGINAL_FIXED)
        .tenantId(execution.getTenantId())
        .processInstanceVariableEquals(MergeDuplicateReportDelegate.DUPLICATE_OF,
            execution.getVariable("applicationNumber"))
        .correlateAllWithResult();
  }
}
