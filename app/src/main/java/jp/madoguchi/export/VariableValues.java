package jp.madoguchi.export;

import java.io.IOException;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A process variable's value as JSON: texts, numbers and booleans as they are, JSON as JSON, dates
 * in JST, an object as serialized, a file as its name and content (Base64).
 */
final class VariableValues {

  private VariableValues() {
  }

  static Object of(TypedValue typed, ObjectMapper json) throws IOException {
    if (typed instanceof ObjectValue object && !object.isDeserialized()) {
      return object.getValueSerialized();
    }
    Object value = typed.getValue();
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof byte[]) {
      return value;
    }
    if (value instanceof Date date) {
      return ExportStore.inJst(date);
    }
    if ("json".equals(typed.getType().getName())) {
      return json.readTree(value.toString());
    }
    if (typed instanceof FileValue file) {
      return Map.of("fileName", file.getFilename(), "content", file.getValue().readAllBytes());
    }
    return value.toString();
  }
}
