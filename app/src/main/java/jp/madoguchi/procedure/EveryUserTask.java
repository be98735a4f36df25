package jp.madoguchi.procedure;

import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task of every deployed procedure a built-in listener on the named events: it runs
 * whatever the BPMN says and whichever client claims or completes the task.
 */
public final class EveryUserTask extends AbstractBpmnParseListener {

  private final TaskListener listener;
  private final List<String> events;

  public EveryUserTask(TaskListener listener, String... events) {
    this.listener = listener;
    this.events = List.of(events);
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    events.forEach(event -> task.addBuiltInTaskListener(event, listener));
  }
}
