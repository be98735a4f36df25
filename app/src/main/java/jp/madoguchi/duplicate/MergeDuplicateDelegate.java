package jp.madoguchi.duplicate;

import java.util.List;

import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ApplicationRepository;
import jp.madoguchi.procedure.FormViolation;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.ProcedureForms;
import jp.madoguchi.procedure.StepInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * 「先の申請に重複として統合」: the clerk entered the number of an earlier application that this one
 * repeats. The earlier one must be of this tenant and procedure, and waiting at one of the tasks the
 * designer names ({@code openTasks}: where its outcome is still to come), so that its end can reach
 * this application too ({@link InformMergedApplicationsDelegate}). Placed right after the clerk's task:
 * a wrong number refuses the completion with 400 and the task stays open.
 *
 * <p>Input parameters: {@code openTasks} (required, comma-separated task ids), {@code numberVariable}
 * (the form field with the earlier number, default {@value #DEFAULT_NUMBER_VARIABLE}), {@code notOpenMessage}
 * (optional: the clerk's message when the earlier application is not at one of those tasks).
 */
@ProcedureBuildingBlock(value = "mergeDuplicate", requiredInputs = "openTasks")
class MergeDuplicateDelegate implements JavaDelegate {

  static final String DEFAULT_NUMBER_VARIABLE = "duplicateOf";

  private final ApplicationRepository applications;

  MergeDuplicateDelegate(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String variable = StepInputs.text(execution, "numberVariable", DEFAULT_NUMBER_VARIABLE);
    List<String> openTasks = StepInputs.list(execution, "openTasks");
    Object entered = execution.getVariable(variable);
    String number = entered == null ? "" : entered.toString().strip();
    if (number.equals(execution.getVariable("applicationNumber"))) {
      throw refused(variable, "この申請自身の受付番号です。先に受け付けた申請の番号を入力してください", "the application's own number");
    }
    ApplicationRecord original = applications.findByNumber(execution.getTenantId(), number)
        .filter(application -> application.procedureKey().equals(ProcedureForms.procedureKey(execution)))
        .orElseThrow(() -> refused(variable, "受付番号 " + number + " のこの手続の申請は見つかりません",
            "no application of this procedure with that number"));
    long waiting = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(original.processInstanceId())
        .taskDefinitionKeyIn(openTasks.toArray(String[]::new))
        .count();
    if (waiting == 0) {
      throw refused(variable, StepInputs.text(execution, "notOpenMessage", "受付番号 " + number
          + " の申請は、統合できる段階ではありません（まだ確認前か、すでに終わっています）"), "the earlier application is not open for merging");
    }
    execution.setVariable(variable, number);
  }

  private static InvalidFormException refused(String field, String japanese, String english) {
    return InvalidFormException.of(List.of(new FormViolation(field, japanese, english)));
  }
}
