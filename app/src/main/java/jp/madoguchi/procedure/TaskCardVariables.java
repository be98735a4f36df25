package jp.madoguchi.procedure;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What a Tasklist card shows about the application (its filters name these variables): copied onto
 * every user task when it is created. A clerk may read the tasks of their department (the engine
 * grants that per task) but not the process instance, so the card could not show process variables.
 */
public class TaskCardVariables implements TaskListener {

  /** The application number, the applicant, the address or subject (see ClerkView). */
  public static final List<String> NAMES = List.of("applicationNumber", "applicantName", "cardSubject");

  @Override
  public void notify(DelegateTask task) {
    for (String name : NAMES) {
      Object value = task.getExecution().getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }
}
