package jp.madoguchi.procedure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The {@code camunda:properties} of a BPMN element. On the process they describe the procedure:
 * {@code summary}, {@code prepare}, {@code fee}, {@code processingTime} for residents and the
 * metadata of contract C1: {@code confidentiality}, {@code personalData}, {@code retentionYears},
 * {@code departments}, {@code variableLabels} (see {@link VariableLabels}).
 */
public final class ProcedureProperties {

  public static final String CONFIDENTIALITY = "confidentiality";
  public static final String PERSONAL_DATA = "personalData";
  public static final String RETENTION_YEARS = "retentionYears";
  public static final String DEPARTMENTS = "departments";
  public static final String VARIABLE_LABELS = "variableLabels";

  private ProcedureProperties() {
  }

  public static Map<String, String> of(BaseElement element) {
    Map<String, String> properties = new LinkedHashMap<>();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions != null) {
      extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
          .flatMap(list -> list.getCamundaProperties().stream())
          .forEach((CamundaProperty property) -> properties.put(property.getCamundaName(), property.getCamundaValue()));
    }
    return properties;
  }
}
