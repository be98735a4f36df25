package jp.madoguchi.procedure.guard;

import jp.madoguchi.procedure.ProcedureExpressions;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A clerk's task's priority, due date and follow-up date written as plain text are read by the engine
 * only when the task is created: a value it cannot read would pass the deployment and then fail every
 * application reaching the task (a resident's submission answered 503). The guard reads them first, as
 * the engine would: a priority is a whole number, a date an ISO 8601 duration (P10D) or date and time.
 * An expression ({@code ${jst.daysLater(10, 17)}}) is evaluated later and left to the engine.
 */
final class UserTaskRules {

  private UserTaskRules() {
  }

  static void check(ParsedDeployment.BpmnFile file, Reasons reasons) {
    for (UserTask task : file.model().getModelElementsByType(UserTask.class)) {
      String priority = attribute(task, "priority");
      if (isText(priority) && !isWholeNumber(priority)) {
        reasons.add(file.name(), task.getId(), "優先度 priority「" + Reasons.shown(priority) + "」は整数で書いてください（例：50。既定は50）",
            "write the priority '" + Reasons.shown(priority) + "' as a whole number, e.g. 50 (the default)");
      }
      date(file, task, "dueDate", "期限", attribute(task, "dueDate"), reasons);
      date(file, task, "followUpDate", "フォローアップ日", attribute(task, "followUpDate"), reasons);
    }
  }

  private static void date(ParsedDeployment.BpmnFile file, UserTask task, String attribute, String japanese,
      String value, Reasons reasons) {
    if (isText(value) && !DueDates.readable(value)) {
      reasons.add(file.name(), task.getId(), japanese + " " + attribute + "「" + Reasons.shown(value) + "」が読めません。期間（例：P10D）か"
          + "日時（例：2026-12-10T17:00:00+09:00）、または式（例：${jst.daysLater(10, 17)}）で書いてください",
          "cannot read the " + attribute + " '" + Reasons.shown(value) + "'; write a duration (e.g. P10D), a date and time "
          + "(e.g. 2026-12-10T17:00:00+09:00) or an expression (e.g. ${jst.daysLater(10, 17)})");
    }
  }

  /** The attribute as written: the model API answers an empty one ({@code priority=""}) as absent, the engine reads "". */
  private static String attribute(UserTask task, String name) {
    if (!task.getDomElement().hasAttribute(XmlFiles.CAMUNDA, name)) {
      return null;
    }
    String value = task.getAttributeValueNs(XmlFiles.CAMUNDA, name);
    return value == null ? "" : value;
  }

  private static boolean isText(String value) {
    return value != null && !ProcedureExpressions.hasExpression(value);
  }

  private static boolean isWholeNumber(String value) {
    try {
      Integer.parseInt(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
