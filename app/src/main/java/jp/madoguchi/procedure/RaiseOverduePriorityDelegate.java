package jp.madoguchi.procedure;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 「期限を過ぎたタスクの優先度を上げる」: every open task of the instance whose due date has passed gets the
 * priority {@link #OVERDUE} (Camunda's default is 50), so Tasklist sorts it first. Meant for the
 * path of a non-interrupting timer on a task with a {@code camunda:dueDate}.
 */
@Component("raiseOverduePriority")
class RaiseOverduePriorityDelegate implements JavaDelegate {

  static final int OVERDUE = 90;

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Date now = ClockUtil.getCurrentTime(); // the engine's clock, the one that fired the timer
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).dueBefore(now).list()) {
      if (task.getPriority() < OVERDUE) {
        tasks.setPriority(task.getId(), OVERDUE);
      }
    }
  }
}
