package jp.madoguchi.retention;

import java.util.OptionalInt;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** The process-level property {@code retentionYears} (C1): a whole number of years, 1 to 100. */
final class RetentionYears {

  static final String PROPERTY = "retentionYears";
  private static final int MAX = 100;

  private RetentionYears() {
  }

  static OptionalInt of(Element process) {
    Element extensions = process.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return OptionalInt.empty();
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      if (PROPERTY.equals(property.attribute("name"))) {
        return OptionalInt.of(parse(process.attribute("id"), property));
      }
    }
    return OptionalInt.empty();
  }

  /** A wrong value is a parse error of the deployment (the REST API answers 400 with it). */
  private static int parse(String processKey, Element property) {
    String value = property.attribute("value");
    try {
      int years = Integer.parseInt(value == null ? "" : value.strip());
      if (years >= 1 && years <= MAX) {
        return years;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new BpmnParseException("手続 " + processKey + " の retentionYears（保存年限）は1〜" + MAX + "の整数で書いてください "
        + "(retentionYears must be a whole number of years from 1 to " + MAX + ", got '" + value + "')", property);
  }

  /** The history time to live that matches: a year counted as 365 days (the removal time itself is exact). */
  static int asDays(int years) {
    return years * 365;
  }
}
