package jp.madoguchi.application;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.procedure.FormField;
import jp.madoguchi.procedure.FormSchema;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Turns a form's checked JSON data into process variables: lists and objects become Camunda JSON
 * values; a whole number beyond a long (which the form check refuses) throws instead of wrapping.
 */
final class ApplicationVariables {

  private ApplicationVariables() {
  }

  static VariableMap of(JsonNode data) {
    VariableMap variables = Variables.createVariables();
    for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isContainerNode()) {
        variables.putValueTyped(field.getKey(), SpinValues.jsonValue(value.toString()).create());
      } else if (value.isTextual()) {
        variables.putValue(field.getKey(), value.asText());
      } else if (value.isIntegralNumber()) {
        variables.putValue(field.getKey(), value.bigIntegerValue().longValueExact());
      } else if (value.isNumber()) {
        variables.putValue(field.getKey(), value.asDouble());
      } else if (value.isBoolean()) {
        variables.putValue(field.getKey(), value.asBoolean());
      } else {
        variables.putValue(field.getKey(), null);
      }
    }
    return variables;
  }

  /**
   * The variables {@link #of} makes of the form's fields (a readonly field's value is never kept)
   * that the data has no value for: a correction must remove them, or the process keeps what the
   * resident took out.
   */
  static List<String> absentFrom(FormSchema form, JsonNode data) {
    return form.fields().stream().filter(field -> !field.readonly()).map(FormField::key)
        .filter(key -> !data.has(key)).toList();
  }
}
