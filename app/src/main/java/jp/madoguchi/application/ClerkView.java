package jp.madoguchi.application;

import java.util.Iterator;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.procedure.FormSchema;
import jp.madoguchi.procedure.ProcedureCatalog;
import jp.madoguchi.procedure.ReadableValues;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What clerks read about an application, set as process variables at registration and after every
 * correction: {@code readable} (the application's data as text: option labels, 和暦 dates with the
 * weekday, e.g. {@code {{readable.size}}} in a Tasklist form) and {@code cardSubject} (the address or
 * subject shown on the Tasklist card: the fields named by the process property {@code subject}, else
 * the first field whose key ends with "address").
 */
@Component
class ClerkView {

  static final String CARD_SUBJECT = "cardSubject";
  static final String SUBJECT_PROPERTY = "subject";
  private static final int CARD_SUBJECT_LENGTH = 60;

  private final ProcedureCatalog procedures;

  ClerkView(ProcedureCatalog procedures) {
    this.procedures = procedures;
  }

  VariableMap of(String processDefinitionId, FormSchema applyForm, JsonNode data) {
    ObjectNode readable = ReadableValues.ofEveryField(applyForm.definition(), data);
    return Variables.createVariables()
        .putValueTyped(ReadableValues.VARIABLE, SpinValues.jsonValue(readable.toString()).create())
        .putValue(CARD_SUBJECT, subject(processDefinitionId, readable));
  }

  private String subject(String processDefinitionId, ObjectNode readable) {
    String text = Optional.ofNullable(procedures.property(processDefinitionId, SUBJECT_PROPERTY))
        .filter(keys -> !keys.isBlank())
        .map(keys -> named(keys, readable))
        .orElseGet(() -> firstAddress(readable));
    return text.length() <= CARD_SUBJECT_LENGTH ? text : text.substring(0, CARD_SUBJECT_LENGTH - 1) + "…";
  }

  private static String named(String keys, ObjectNode readable) {
    StringBuilder text = new StringBuilder();
    for (String key : keys.split(",")) {
      JsonNode value = readable.get(key.strip());
      if (value != null && value.isTextual() && !value.asText().isBlank()) {
        text.append(text.length() == 0 ? "" : " ／ ").append(value.asText().replaceAll("\\s+", " "));
      }
    }
    return text.toString();
  }

  private static String firstAddress(ObjectNode readable) {
    for (Iterator<String> keys = readable.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (key.toLowerCase().endsWith("address") && readable.get(key).isTextual()
          && !readable.get(key).asText().isBlank()) {
        return readable.get(key).asText().replaceAll("\\s+", " ");
      }
    }
    return "";
  }
}
