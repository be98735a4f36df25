package jp.madoguchi.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of Camunda's OpenAPI description of {@code /engine-rest} and the malformed calls
 * {@link EngineRestFuzzTests} makes of it: each query parameter and each field of the JSON body
 * (and each field of the objects in a list of objects) with values of the wrong type or content
 * for its schema; a variables map also gets variables Camunda cannot read. Also an empty body where
 * JSON is expected, and every path parameter as an id that no engine id looks like.
 */
final class EngineRestOperation {

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final List<String> METHODS = List.of("get", "post", "put", "delete");
  private static final List<String> UNREADABLE_VARIABLES = List.of(
      "{\"type\":\"Object\",\"value\":\"{}\"}",
      "{\"type\":\"Object\",\"value\":\"[]\",\"valueInfo\":{\"serializationDataFormat\":\"application/json\"}}",
      "{\"type\":\"Date\",\"value\":\"2026-02-30\"}",
      "{\"type\":\"Integer\",\"value\":\"abc\"}",
      "{\"type\":\"File\",\"value\":\"!!\"}",
      "{\"type\":\"Json\",\"value\":\"{\"}",
      "{\"type\":\"NoSuchType\",\"value\":1}",
      "{\"value\":{\"a\":1}}",
      "null");

  private final String method;
  private final String path;
  private final JsonNode operation;
  private final JsonNode schemas;

  private EngineRestOperation(String method, String path, JsonNode operation, JsonNode schemas) {
    this.method = method;
    this.path = path;
    this.operation = operation;
    this.schemas = schemas;
  }

  static List<EngineRestOperation> all(JsonNode description) {
    List<EngineRestOperation> operations = new ArrayList<>();
    JsonNode schemas = description.path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext();) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        if (path.getValue().has(method)) {
          operations.add(new EngineRestOperation(method.toUpperCase(), path.getKey(), path.getValue().get(method),
              schemas));
        }
      }
    }
    return operations;
  }

  /**
   * @param ids real ids by the resource they name ({@code task}, {@code process-instance}, …), and
   *     {@code key} and {@code tenant-id}
   */
  List<FuzzCall> calls(Map<String, String> ids, String caller, List<String> others) {
    String filled = "/engine-rest" + filledPath(ids);
    JsonNode body = jsonBody();
    String emptyBody = body == null ? null : "{}";
    List<FuzzCall> calls = new ArrayList<>();
    for (String authorization : others) {
      calls.add(new FuzzCall(method, filled, authorization, emptyBody));
    }
    calls.add(new FuzzCall(method, filled, caller, emptyBody));
    if (body != null) {
      calls.add(new FuzzCall(method, filled, caller, ""));
    }
    if (PATH_PARAMETER.matcher(path).find()) {
      calls.add(new FuzzCall(method, "/engine-rest" + PATH_PARAMETER.matcher(path).replaceAll("no-such-id"), caller,
          emptyBody));
    }
    for (JsonNode parameter : operation.path("parameters")) {
      if ("query".equals(parameter.path("in").asText())) {
        for (String value : queryValues(resolve(parameter.path("schema")))) {
          calls.add(new FuzzCall(method, filled + "?" + parameter.path("name").asText() + "=" + value, caller, emptyBody));
        }
      }
    }
    if (body != null) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = body.path("properties").fields(); fields.hasNext();) {
        Map.Entry<String, JsonNode> field = fields.next();
        for (String value : bodyValues(resolve(field.getValue()))) {
          calls.add(new FuzzCall(method, filled, caller, "{\"" + field.getKey() + "\":" + value + "}"));
        }
      }
    }
    return calls;
  }

  private String filledPath(Map<String, String> ids) {
    Matcher matcher = PATH_PARAMETER.matcher(path);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(filled, Matcher.quoteReplacement(pathValue(matcher.group(1), path.substring(0,
          matcher.start()), ids)));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  /** A real id where the operation reads or changes what it names; never for a deletion. */
  private String pathValue(String name, String before, Map<String, String> ids) {
    String nobody = UUID.randomUUID().toString();
    if ("DELETE".equals(method)) {
      return nobody;
    }
    return switch (name) {
      case "id" -> ids.getOrDefault(before.substring(before.lastIndexOf('/', before.length() - 2) + 1,
          before.length() - 1), nobody);
      case "key", "tenant-id" -> ids.get(name);
      case "varName" -> "fuzzVariable";
      default -> nobody;
    };
  }

  private JsonNode jsonBody() {
    JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
    return schema.isMissingNode() ? null : resolve(schema);
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode resolved = schema;
    while (resolved.has("$ref")) {
      String ref = resolved.get("$ref").asText();
      resolved = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return resolved;
  }

  private static List<String> queryValues(JsonNode schema) {
    String type = schema.path("type").asText();
    List<String> values = new ArrayList<>(List.of("", "%00"));
    switch (type) {
      case "integer", "number" -> values.addAll(List.of("x", "-1", "99999999999999999999"));
      case "boolean" -> values.add("maybe");
      default -> values.addAll("date-time".equals(schema.path("format").asText())
          ? List.of("2026-02-30T25:00:00.000%2B0900") : List.of(",,", "x".repeat(2000)));
    }
    return values;
  }

  private List<String> bodyValues(JsonNode schema) {
    List<String> values = new ArrayList<>(List.of("null"));
    switch (schema.path("type").asText()) {
      case "integer", "number" -> values.addAll(List.of("\"x\"", "-1", "1e400"));
      case "boolean" -> values.add("\"maybe\"");
      case "array" -> {
        values.addAll(List.of("{}", "[null]", "[[]]"));
        JsonNode items = resolve(schema.path("items"));
        for (Iterator<Map.Entry<String, JsonNode>> fields = items.path("properties").fields(); fields.hasNext();) {
          Map.Entry<String, JsonNode> field = fields.next();
          values.add("[{\"" + field.getKey() + "\":null}]");
          values.add("[{\"" + field.getKey() + "\":" + wrongType(resolve(field.getValue())) + "}]");
        }
      }
      case "object" -> {
        values.addAll(List.of("[]", "\"x\""));
        if (schema.has("additionalProperties")) {
          UNREADABLE_VARIABLES.forEach(variable -> values.add("{\"x\":" + variable + "}"));
        }
      }
      default -> values.addAll(List.of("[1]", "\"\\u0000\"", "\"" + "x".repeat(5000) + "\""));
    }
    return values;
  }

  private static String wrongType(JsonNode schema) {
    return switch (schema.path("type").asText()) {
      case "string" -> "[1]";
      case "array" -> "{}";
      case "object" -> "[]";
      default -> "\"x\"";
    };
  }

  String path() {
    return path;
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
