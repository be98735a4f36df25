package jp.madoguchi.access;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The departments of a procedure (contract C1): the literal candidate groups of its user tasks and the
 * groups listed in the process property {@code departments}, which is required where a candidate group
 * is an expression (road-damage-report's {@code ${department}}). Their members are the only clerks who
 * see the procedure's applications.
 */
public final class ProcedureDepartments {

  public static final String PROPERTY = "departments";

  private ProcedureDepartments() {
  }

  public static Set<String> of(BpmnModelInstance model, String processId) {
    Set<String> departments = new TreeSet<>(declared(process(model, processId)));
    userTasks(model, processId).forEach(task -> departments.addAll(literal(task.getCamundaCandidateGroups())));
    return departments;
  }

  /** True when a user task's candidate groups are an expression: only the property can name the departments. */
  public static boolean hasExpressionGroups(BpmnModelInstance model, String processId) {
    return userTasks(model, processId).stream().map(UserTask::getCamundaCandidateGroups)
        .anyMatch(groups -> groups != null && isExpression(groups));
  }

  public static boolean declaresDepartments(BpmnModelInstance model, String processId) {
    return !declared(process(model, processId)).isEmpty();
  }

  private static Process process(BpmnModelInstance model, String processId) {
    if (!(model.getModelElementById(processId) instanceof Process process)) {
      throw new IllegalArgumentException("No process " + processId + " in the model");
    }
    return process;
  }

  private static List<UserTask> userTasks(BpmnModelInstance model, String processId) {
    Process process = process(model, processId);
    return model.getModelElementsByType(UserTask.class).stream().filter(task -> isInside(task, process)).toList();
  }

  private static Set<String> declared(Process process) {
    ExtensionElements extensions = process.getExtensionElements();
    Set<String> declared = new TreeSet<>();
    if (extensions != null) {
      extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
          .flatMap(properties -> properties.getCamundaProperties().stream())
          .filter(property -> PROPERTY.equals(property.getCamundaName()))
          .map(CamundaProperty::getCamundaValue)
          .forEach(value -> declared.addAll(literal(value)));
    }
    return declared;
  }

  private static Set<String> literal(String groups) {
    Set<String> literal = new TreeSet<>();
    if (groups != null && !isExpression(groups)) {
      Arrays.stream(groups.split(",")).map(String::strip).filter(group -> !group.isEmpty()).forEach(literal::add);
    }
    return literal;
  }

  private static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static boolean isInside(ModelElementInstance element, ModelElementInstance process) {
    for (var current = element.getParentElement(); current != null; current = current.getParentElement()) {
      if (current == process) {
        return true;
      }
    }
    return false;
  }
}
