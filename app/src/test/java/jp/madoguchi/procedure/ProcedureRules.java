package jp.madoguchi.procedure;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * The project's rules for a procedure's BPMN (README "Add a procedure"), on top of bpmnlint:
 * what Madoguchi's engine, Tasklist and reviewers rely on. Returns what is wrong, in words a
 * designer can act on.
 */
final class ProcedureRules {

  /** Ids Camunda Modeler or bpmn.io make up: {@code Activity_0x1y2z3}, {@code Flow_1abcd2e}, {@code UserTask_1}. */
  private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9][0-9a-z]*$");
  private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

  private ProcedureRules() {
  }

  static List<String> check(String bpmnXml, Set<String> formIds) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)));
    List<String> problems = new ArrayList<>();
    checkIds(model, problems);
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(process.getId() + ": camunda:historyTimeToLive is not set (履歴の保存期間)");
      }
    }
    checkForms(model, formIds, problems);
    checkNoScriptsNoClasses(model, problems);
    checkNamesAndDiagram(model, problems);
    return problems;
  }

  private static void checkIds(BpmnModelInstance model, List<String> problems) {
    List<BaseElement> named = new ArrayList<>();
    for (Class<? extends BaseElement> type : List.of(FlowElement.class, Process.class, Message.class, Signal.class,
        Error.class, Escalation.class, Participant.class, Lane.class)) {
      named.addAll(model.getModelElementsByType(type));
    }
    for (BaseElement element : named) {
      if (element.getId() == null || GENERATED_ID.matcher(element.getId()).matches()) {
        problems.add(element.getId() + ": give the element an id that says what it is, e.g. Task_ReviewApplication");
      }
    }
  }

  private static void checkForms(BpmnModelInstance model, Set<String> formIds, List<String> problems) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() == null) {
        problems.add(task.getId() + ": the user task has no form (camunda:formRef)");
      }
      String groups = task.getCamundaCandidateGroups();
      if (groups == null || groups.isBlank()) {
        problems.add(task.getId() + ": the user task has no candidate group (担当課, camunda:candidateGroups)");
      }
    }
    Set<BaseElement> withForms = new HashSet<>();
    withForms.addAll(model.getModelElementsByType(UserTask.class));
    withForms.addAll(model.getModelElementsByType(StartEvent.class));
    for (BaseElement element : withForms) {
      String formRef = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
      if (formRef == null) {
        continue;
      }
      if (!formIds.contains(formRef)) {
        problems.add(element.getId() + ": form '" + formRef + "' is not in forms/ (no .form file has this id)");
      }
      if (!"deployment".equals(element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRefBinding"))) {
        problems.add(element.getId() + ": camunda:formRefBinding must be 'deployment' (the form deployed with the BPMN)");
      }
    }
  }

  private static void checkNoScriptsNoClasses(BpmnModelInstance model, List<String> problems) {
    for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
      problems.add(task.getId() + ": script tasks are not allowed; use a delegate from the element templates");
    }
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      if (condition.getLanguage() != null) {
        problems.add(((BaseElement) condition.getParentElement()).getId() + ": script conditions are not allowed; use ${...}");
      }
    }
    walk(model.getDocument().getRootElement(), problems);
  }

  private static void walk(DomElement element, List<String> problems) {
    if (element.hasAttribute(BpmnModelConstants.CAMUNDA_NS, "class")) {
      problems.add(owner(element) + ": camunda:class is not allowed; use camunda:delegateExpression=\"${bean}\"");
    }
    if (BpmnModelConstants.CAMUNDA_NS.equals(element.getNamespaceURI()) && "script".equals(element.getLocalName())) {
      problems.add(owner(element) + ": scripts (camunda:script) are not allowed");
    }
    for (DomElement child : element.getChildElements()) {
      walk(child, problems);
    }
  }

  private static String owner(DomElement element) {
    for (DomElement current = element; current != null; current = current.getParentElement()) {
      String id = current.getAttribute("id");
      if (id != null) {
        return id;
      }
    }
    return "definitions";
  }

  private static void checkNamesAndDiagram(BpmnModelInstance model, List<String> problems) {
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node.getName() == null || !JAPANESE.matcher(node.getName()).find()) {
        problems.add(node.getId() + ": give the element a Japanese name (名前), it is what clerks and residents read");
      }
    }
    List<FlowElement> elements = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    elements.addAll(model.getModelElementsByType(SequenceFlow.class));
    for (FlowElement element : elements) {
      if (!drawn.contains(element.getId())) {
        problems.add(element.getId() + ": not in the diagram (no BPMN DI); draw it in Camunda Modeler");
      }
    }
  }
}
