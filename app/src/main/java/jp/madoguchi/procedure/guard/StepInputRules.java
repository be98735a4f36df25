package jp.madoguchi.procedure.guard;

import java.util.List;
import java.util.Map;

import jp.madoguchi.procedure.ProcedureExpressions;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * A building block reads its settings from the input parameters of its step (the fields of its element
 * template in Modeler) only when the step runs: a step without one it needs would pass the deployment
 * and then fail every application reaching it (right after a submission, the submission itself). So
 * every step that runs a block ({@code delegateExpression}, also of a listener) has each input the
 * block declares required ({@code @ProcedureBuildingBlock(requiredInputs)}), with a value, and a value
 * written out is one the block takes ({@code StepInputCheck}).
 */
final class StepInputRules {

  private StepInputRules() {
  }

  static void check(ParsedDeployment.BpmnFile file, GuardEnvironment environment, Reasons reasons) {
    for (Element element : XmlFiles.elements(file.xml())) {
      for (String block : blocksRun(element)) {
        Element step = Steps.around(element);
        Map<String, Element> given = Steps.inputParameters(step);
        String where = XmlFiles.owner(step);
        for (String input : environment.requiredInputs().getOrDefault(block, List.of())) {
          if (!given.containsKey(input)) {
            reasons.add(file.name(), where, "この手順（" + block + "）には入力パラメータ「" + input + "」が必要です。"
                + "Modeler で部品（テンプレート）の欄を埋めてください", "the step runs " + block + ", which needs the input "
                + "parameter '" + input + "'; fill in that field of its element template in Modeler");
          }
        }
        if (environment.buildingBlocks().contains(block)) {
          given.forEach((input, parameter) -> checkWritten(file, where, environment, block, input, parameter, reasons));
        }
      }
    }
  }

  private static void checkWritten(ParsedDeployment.BpmnFile file, String where, GuardEnvironment environment, String block,
      String input, Element parameter, Reasons reasons) {
    String written = Steps.written(parameter);
    String[] problem = written == null ? null : environment.inputProblem(block, input, written);
    if (problem != null) {
      reasons.add(file.name(), where, problem[0], problem[1]);
    }
  }

  /** The beans the element's delegate expression (a step's, or a listener's) runs. */
  private static List<String> blocksRun(Element element) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if ("delegateExpression".equals(name) && ProcedureExpressions.hasExpression(attribute.getValue())) {
        return ProcedureExpressions.in(attribute.getValue()).stream().flatMap(expression -> expression.roots().stream())
            .distinct().toList();
      }
    }
    return List.of();
  }
}
