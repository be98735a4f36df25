package jp.madoguchi.procedure;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

/**
 * 「期限を過ぎたタスクの優先度を上げる」: every open task of the instance that has a due date gets the
 * priority {@link #OVERDUE} (Camunda's default is 50), so Tasklist sorts it first. Meant for the
 * path of a non-interrupting timer that fires at the {@code camunda:dueDate} of the task it is
 * attached to; the timer's firing is what makes the task overdue, so no clock is read here.
 */
@ProcedureBuildingBlock("raiseOverduePriority")
class RaiseOverduePriorityDelegate implements JavaDelegate {

  static final int OVERDUE = 90;
  private static final Date EPOCH = new Date(0);

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).dueAfter(EPOCH).list()) {
      if (task.getPriority() < OVERDUE) {
        tasks.setPriority(task.getId(), OVERDUE);
      }
    }
  }
}
