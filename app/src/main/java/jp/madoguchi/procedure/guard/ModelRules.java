package jp.madoguchi.procedure.guard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/**
 * What clerks, residents and reviewers rely on in a model: ids that say what they are, a kebab-case
 * procedure key, a history time to live, Japanese names and a drawn diagram.
 */
final class ModelRules {

  /** Ids Camunda Modeler or bpmn.io make up: {@code Activity_0x1y2z3}, {@code Flow_1abcd2e}, {@code UserTask_1}. */
  private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9][0-9a-z]*$");
  private static final Pattern PROCEDURE_KEY = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
  private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

  private ModelRules() {
  }

  static void check(ParsedDeployment.BpmnFile file, Reasons reasons) {
    BpmnModelInstance model = file.model();
    String name = file.name();
    List<BaseElement> identified = new ArrayList<>();
    for (Class<? extends BaseElement> type : List.of(FlowElement.class, Process.class, Message.class, Signal.class,
        Error.class, Escalation.class, Participant.class, Lane.class)) {
      identified.addAll(model.getModelElementsByType(type));
    }
    for (BaseElement element : identified) {
      if (element.getId() == null || GENERATED_ID.matcher(element.getId()).matches()) {
        reasons.add(name, element.getId(), "要素の id を、何かが分かる名前にしてください（例：Task_ReviewApplication）",
            "give the element an id that says what it is, e.g. Task_ReviewApplication");
      }
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      if (!PROCEDURE_KEY.matcher(process.getId()).matches()) {
        reasons.add(name, process.getId(), "プロセスの id（手続のキー）は英小文字とハイフンにしてください（例：dog-registration）",
            "the process id (procedure key) must be lower-case words joined by hyphens, e.g. dog-registration");
      }
      if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
        reasons.add(name, process.getId(), "履歴の保存期間（History cleanup → Time to live）を設定してください",
            "set camunda:historyTimeToLive (History cleanup → Time to live)");
      }
    }
    namesAndDiagram(model, name, reasons);
  }

  private static void namesAndDiagram(BpmnModelInstance model, String file, Reasons reasons) {
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(idOf(shape.getBpmnElement())));
    model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(idOf(edge.getBpmnElement())));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node.getName() == null || !JAPANESE.matcher(node.getName()).find()) {
        reasons.add(file, node.getId(), "要素に日本語の名前を付けてください（職員と住民が読む名前です）",
            "give the element a Japanese name; clerks and residents read it");
      }
    }
    List<FlowElement> elements = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    elements.addAll(model.getModelElementsByType(SequenceFlow.class));
    for (FlowElement element : elements) {
      if (!drawn.contains(element.getId())) {
        reasons.add(file, element.getId(), "図に描かれていません（BPMN DI がありません）。Camunda Modeler で描いてください",
            "not in the diagram (no BPMN DI); draw it in Camunda Modeler");
      }
    }
  }

  private static String idOf(BaseElement element) {
    return element == null ? null : element.getId();
  }
}
