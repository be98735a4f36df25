package jp.madoguchi.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.procedure.FormField;
import jp.madoguchi.procedure.FormSchema;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What a resident had sent before each correction, for the clerk's review form: the process
 * variable {@code earlierSubmissions}, a JSON list of {round, submittedAt, returnComment,
 * correctedAt, changed, summary} (times as JST text) that Tasklist forms show with
 * {@code {{#loop earlierSubmissions}}}.
 */
@Component
class EarlierSubmissions {

  static final String VARIABLE = "earlierSubmissions";
  private static final DateTimeFormatter JST_TEXT = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm")
      .withZone(ZoneId.of("Asia/Tokyo"));

  private final RuntimeService runtime;
  private final ObjectMapper json;
  private final Clock clock;

  EarlierSubmissions(RuntimeService runtime, ObjectMapper json, Clock clock) {
    this.runtime = runtime;
    this.json = json;
    this.clock = clock;
  }

  /** The list with the version {@code previous} appended, now that {@code corrected} replaces it. */
  TypedValue withReplaced(ApplicationRecord application, FormSchema form, JsonNode previous, JsonNode corrected) {
    ArrayNode rounds = recorded(application.processInstanceId());
    String submittedAt = rounds.isEmpty() ? JST_TEXT.format(application.submittedAt())
        : rounds.get(rounds.size() - 1).path("correctedAt").asText();
    ObjectNode round = rounds.addObject();
    round.put("round", rounds.size());
    round.put("submittedAt", submittedAt);
    round.put("returnComment", Objects.toString(runtime.getVariable(application.processInstanceId(), "returnComment"), ""));
    round.put("correctedAt", JST_TEXT.format(Instant.now(clock)));
    round.put("changed", changed(form, previous, corrected));
    round.put("summary", summary(form.fields(), previous));
    return SpinValues.jsonValue(rounds.toString()).create();
  }

  private ArrayNode recorded(String processInstanceId) {
    Object value = runtime.getVariable(processInstanceId, VARIABLE);
    if (value == null) {
      return json.createArrayNode();
    }
    try {
      return (ArrayNode) json.readTree(value.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Variable " + VARIABLE + " is not a JSON list", e);
    }
  }

  private static String changed(FormSchema form, JsonNode previous, JsonNode corrected) {
    List<String> labels = new ArrayList<>();
    for (FormField field : form.fields()) {
      if (!Objects.equals(previous.get(field.key()), corrected.get(field.key()))) {
        labels.add(field.displayName());
      }
    }
    return labels.isEmpty() ? "なし" : String.join("、", labels);
  }

  /** One line per version (a line break would turn into Markdown in the form's text). */
  static String summary(List<FormField> fields, JsonNode data) {
    List<String> parts = new ArrayList<>();
    for (FormField field : fields) {
      JsonNode value = data.get(field.key());
      if (value == null || value.isNull() || "filepicker".equals(field.type())) {
        continue;
      }
      parts.add(field.displayName() + "：" + switch (field.kind()) {
        case VALUE -> text(value);
        case OBJECT -> "［" + summary(field.children(), value) + "］";
        case LIST -> {
          List<String> items = new ArrayList<>();
          value.forEach(item -> items.add("［" + summary(field.children(), item) + "］"));
          yield String.join("", items);
        }
      });
    }
    return String.join(" ／ ", parts);
  }

  private static String text(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue() ? "はい" : "いいえ";
    }
    if (value.isArray()) {
      List<String> values = new ArrayList<>();
      value.forEach(element -> values.add(element.asText()));
      return String.join("、", values);
    }
    return value.asText().replaceAll("\\s+", " ");
  }
}
