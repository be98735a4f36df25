package jp.madoguchi.road;

import java.util.List;

import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ApplicationRepository;
import jp.madoguchi.procedure.FormViolation;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.ProcedureForms;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The clerk said this report repeats an earlier one. The earlier report must be of this tenant and
 * procedure and still being worked on (accepted, not yet fixed), so that its fix will reach this
 * report's resident too (see {@link InformMergedReportsDelegate}). Runs in the triage task's
 * completion: a wrong number refuses the completion with 400 and the task stays open.
 */
@ProcedureBuildingBlock("mergeDuplicateReport")
class MergeDuplicateReportDelegate implements JavaDelegate {

  static final String DUPLICATE_OF = "duplicateOf";
  /** The steps of an accepted report that is not yet fixed. */
  static final List<String> OPEN_STEPS = List.of("Task_StartRepair", "Task_CompleteRepair");

  private final ApplicationRepository applications;

  MergeDuplicateReportDelegate(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = String.valueOf(execution.getVariable(DUPLICATE_OF)).strip();
    if (number.equals(execution.getVariable("applicationNumber"))) {
      throw refused("この通報自身の受付番号です。先に受け付けた通報の番号を入力してください", "the report's own number");
    }
    ApplicationRecord original = applications.findByNumber(execution.getTenantId(), number)
        .filter(application -> application.procedureKey().equals(ProcedureForms.procedureKey(execution)))
        .orElseThrow(() -> refused("受付番号 " + number + " の損傷通報は見つかりません", "no such damage report"));
    long waiting = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(original.processInstanceId())
        .taskDefinitionKeyIn(OPEN_STEPS.toArray(String[]::new))
        .count();
    if (waiting == 0) {
      throw refused("受付番号 " + number + " の通報は対応予定・対応中ではありません（確認前、対応完了、管轄外、統合済みなど）。"
          + "対応予定または対応中の通報の番号を入力してください", "the report is not accepted and open");
    }
    execution.setVariable(DUPLICATE_OF, number);
  }

  private static InvalidFormException refused(String japanese, String english) {
    return InvalidFormException.of(List.of(new FormViolation(DUPLICATE_OF, japanese, english)));
  }
}
