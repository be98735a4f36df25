package jp.madoguchi.procedure.guard;

import java.util.List;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's own refusal of {@code camunda:type} (Camunda's shell, mail and external tasks), behind
 * the deploy guard's: a model that carries it fails to parse, whichever way it reached the engine, and
 * so never runs a command in the app's process.
 */
final class NoBuiltInTaskTypes extends AbstractBpmnParseListener {

  private static final String TYPE = "type";

  @Override
  public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
    refuseTyped(rootElement);
  }

  private static void refuseTyped(Element element) {
    String type = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, TYPE);
    if (type != null) {
      throw new BpmnParseException("組み込みのタスク種別（camunda:type=\"" + type + "\"）は使えません "
          + "(built-in task types (camunda:type=\"" + type + "\") are not allowed)", element);
    }
    element.elements().forEach(NoBuiltInTaskTypes::refuseTyped);
  }
}
