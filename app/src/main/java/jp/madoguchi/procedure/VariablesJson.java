package jp.madoguchi.procedure;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.spin.json.SpinJsonNode;

/** Process variables as the JSON a form checks: Camunda JSON values (lists, objects) become JSON again. */
public final class VariablesJson {

  private VariablesJson() {
  }

  public static ObjectNode of(Map<String, Object> variables, ObjectMapper json) {
    ObjectNode node = json.createObjectNode();
    variables.forEach((name, value) -> node.set(name, toJson(value, json)));
    return node;
  }

  private static JsonNode toJson(Object value, ObjectMapper json) {
    if (value instanceof SpinJsonNode spin) {
      try {
        return json.readTree(spin.toString());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Spin JSON that Jackson cannot read", e);
      }
    }
    return json.valueToTree(value);
  }
}
