package jp.madoguchi.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.procedure.FormField;
import jp.madoguchi.procedure.FormSchema;
import jp.madoguchi.procedure.ReadableValues;
import jp.madoguchi.procedure.ReadableValues.Line;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What a resident had sent before each correction, for the clerk's review form: the process
 * variable {@code earlierSubmissions}, a JSON list of {round, submittedAt, returnComment,
 * correctedAt, changed, changes: [{label, before, after}], summary} (times as JST text, values as
 * clerks read them: option labels, 和暦 dates) that Tasklist forms show with
 * {@code {{#loop earlierSubmissions}} … {{#loop changes}}{{label}}: {{before}} → {{after}}{{/loop}} … {{/loop}}}.
 */
@Component
class EarlierSubmissions {

  static final String VARIABLE = "earlierSubmissions";
  private static final String NOTHING = "（なし）";
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
    ArrayNode changes = changes(form, previous, corrected);
    List<String> labels = new ArrayList<>();
    changes.forEach(change -> labels.add(change.path("label").asText()));
    round.put("changed", labels.isEmpty() ? "なし" : String.join("、", labels));
    round.set("changes", changes);
    round.put("summary", summary(form, previous));
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

  /** Every field whose value changed, with the old and the new value as clerks read them. */
  private ArrayNode changes(FormSchema form, JsonNode previous, JsonNode corrected) {
    Map<String, Line> before = byKey(ReadableValues.lines(form.definition(), previous));
    Map<String, Line> after = byKey(ReadableValues.lines(form.definition(), corrected));
    ArrayNode changes = json.createArrayNode();
    for (FormField field : form.fields()) {
      if (Objects.equals(previous.get(field.key()), corrected.get(field.key()))) {
        continue;
      }
      Line old = before.get(field.key());
      Line now = after.get(field.key());
      changes.addObject().put("label", field.displayName())
          .put("before", old == null ? NOTHING : old.text())
          .put("after", now == null ? NOTHING : now.text());
    }
    return changes;
  }

  private static Map<String, Line> byKey(List<Line> lines) {
    Map<String, Line> byKey = new LinkedHashMap<>();
    lines.forEach(line -> byKey.put(line.key(), line));
    return byKey;
  }

  /** One line per version (a line break would turn into Markdown in the form's text). */
  static String summary(FormSchema form, JsonNode data) {
    return String.join(" ／ ", ReadableValues.lines(form.definition(), data).stream()
        .filter(line -> !line.text().startsWith("添付ファイル"))
        .map(line -> line.label() + "：" + line.text()).toList());
  }
}
