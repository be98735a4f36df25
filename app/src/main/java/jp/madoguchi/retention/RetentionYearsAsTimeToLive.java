package jp.madoguchi.retention;

import java.util.OptionalInt;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * At deployment: a procedure's {@code retentionYears} becomes its history time to live (so Cockpit
 * and the engine's own checks agree with it) and is kept on the definition for
 * {@link RetentionRemovalTime}. A value that is not 1–100 whole years refuses the deployment.
 */
final class RetentionYearsAsTimeToLive extends AbstractBpmnParseListener {

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    OptionalInt years = RetentionYears.of(processElement);
    if (years.isPresent()) {
      processDefinition.setProperty(BpmnRetentionPolicy.DEFINITION_PROPERTY, years.getAsInt());
      processDefinition.setHistoryTimeToLive(RetentionYears.asDays(years.getAsInt()));
    }
  }
}
