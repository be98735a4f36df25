package jp.madoguchi.perimeter;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Process variables arriving through Camunda's REST APIs ({@code /engine-rest} and the webapps'
 * engine API) in the shape Camunda documents: {@code {"type", "value", "valueInfo"}}. Refused with
 * a reason before the engine sees them: Java-serialized objects, XML values (no XML data format is
 * installed, and XML is not needed), Json and Object values that are not JSON, Object values without
 * their format or type (the engine finds no serializer for them), and Object values of other types
 * than the JDK's plain values and collections.
 */
final class EngineVariableRules {

  private static final String JAVA_SERIALIZED = "application/x-java-serialized-object";
  private static final Set<String> PLAIN_TYPES = Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Integer",
      "java.lang.Long", "java.lang.Short", "java.lang.Double", "java.lang.Float", "java.lang.Object",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.List", "java.util.HashMap", "java.util.LinkedHashMap",
      "java.util.TreeMap", "java.util.Map", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
      "java.util.Set");

  private final ObjectMapper json;

  EngineVariableRules(ObjectMapper json) {
    this.json = json;
  }

  Optional<Refusal> check(JsonNode node) {
    if (node.isObject() && node.path("type").isTextual() && (node.has("value") || node.has("valueInfo"))) {
      Optional<Refusal> refusal = variable(node);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      Optional<Refusal> refusal = check(children.next());
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  private Optional<Refusal> variable(JsonNode variable) {
    String type = variable.get("type").textValue().toLowerCase(Locale.ROOT);
    JsonNode info = variable.path("valueInfo");
    String format = info.path("serializationDataFormat").asText("");
    if (JAVA_SERIALIZED.equalsIgnoreCase(format)) {
      return refuse("Java シリアライズ形式の変数は受け付けません", "Java-serialized variables are not accepted");
    }
    return switch (type) {
      case "xml" -> refuse("XML 形式の変数は受け付けません", "Xml variables are not accepted");
      case "json" -> serializedJson(variable.get("value"));
      case "object" -> object(variable, format, info.path("objectTypeName").asText(""));
      default -> Optional.empty();
    };
  }

  private Optional<Refusal> object(JsonNode variable, String format, String typeName) {
    if (format.isEmpty()) {
      // a serialized value names its format: the engine's default applies only to Java objects
      return refuse("Object 型の変数には valueInfo.serializationDataFormat（application/json）が必要です",
          "Object variables need valueInfo.serializationDataFormat application/json");
    }
    if (!format.equalsIgnoreCase("application/json")) {
      return refuse("Object 型の変数は JSON 形式だけを受け付けます", "Object variables are accepted as application/json only");
    }
    JsonNode value = variable.get("value");
    if (typeName.isEmpty() && value != null && !value.isNull()) {
      return refuse("Object 型の変数には valueInfo.objectTypeName（例: java.util.ArrayList）が必要です",
          "Object variables need valueInfo.objectTypeName, e.g. java.util.ArrayList");
    }
    for (String name : typeName.split("[<>,\\s\\[\\]]+")) {
      if (!name.isEmpty() && !PLAIN_TYPES.contains(name)) {
        return refuse("Object 型の変数に使えない型です: " + name,
            "objectTypeName " + name + " is not accepted (plain JDK values and collections only)");
      }
    }
    return serializedJson(variable.get("value"));
  }

  private Optional<Refusal> serializedJson(JsonNode value) {
    if (value == null || value.isNull() || !value.isTextual()) {
      return Optional.empty();
    }
    try {
      json.readTree(value.textValue());
      return Optional.empty();
    } catch (StreamConstraintsException e) {
      return refuse("変数の JSON の入れ子が深すぎます", "the variable's JSON is nested too deeply");
    } catch (IOException e) {
      return refuse("変数の値が JSON として読めません", "the variable's value is not valid JSON");
    }
  }

  private static Optional<Refusal> refuse(String japanese, String english) {
    return Optional.of(Refusal.badRequest(japanese, english));
  }
}
