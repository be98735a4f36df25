package jp.madoguchi.security;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * One mapped endpoint (method and path pattern) and the malformed calls {@link EveryEndpointFuzzTests}
 * makes of it, derived from its handler: the fields of its request body (records and plain classes,
 * one level of nesting), its query parameters and its path variables.
 */
final class FuzzedEndpoint {

  /** A path variable, with or without a regular expression (which may hold a quantifier in braces). */
  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::(?:[^{}]|\\{[^{}]*})*)?}");
  private static final List<String> BAD_BODIES = List.of("", "{}", "[]", "null", "\"x\"", "{", "1", "{\"a\":");
  private static final List<String> BAD_VALUES = List.of("null", "\"\"", "\"\\u0000\"",
      '"' + "あ".repeat(20_000) + '"', "-1", "1e400", "123456789012345678901234567890", "true", "[]", "{}",
      "[null]", "[1]", "\"2026-02-30\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"");
  private static final List<String> BAD_QUERY_VALUES = List.of("%00", "-1", "123456789012345678901234567890", "x",
      "a".repeat(3000), "2026-02-30", "", "%E3%81%82");
  private static final List<String> BAD_PATH_VALUES = List.of("%00", "a".repeat(300), "%E3%81%82", "-1", "%20");

  private final String method;
  private final String pattern;
  private final HandlerMethod handler;
  private final String tenant;
  private final String application;

  /** @param application the number of a real application of the tenant, so that the checks behind it are reached */
  FuzzedEndpoint(String method, String pattern, HandlerMethod handler, String tenant, String application) {
    this.method = method;
    this.pattern = pattern;
    this.handler = handler;
    this.tenant = tenant;
    this.application = application;
  }

  /** Who the endpoint is meant for. */
  String caller(String admin, String operator, String resident) {
    if (pattern.startsWith("/api/operator")) {
      return operator;
    }
    if (pattern.startsWith("/api/{tenant}/admin")) {
      return admin;
    }
    return pattern.startsWith("/api/{tenant}") ? resident : admin;
  }

  List<FuzzCall> calls(String caller, List<String> others) {
    Map<String, String> variables = variables();
    String path = path(variables);
    boolean takesBody = requestBody() != null;
    String emptyBody = takesBody ? "{}" : null;
    List<FuzzCall> calls = new ArrayList<>();
    for (String authorization : others) {
      calls.add(new FuzzCall(method, path, authorization, emptyBody));
    }
    calls.add(new FuzzCall(method, path, caller, emptyBody));
    if (takesBody || !"GET".equals(method) && !"DELETE".equals(method)) {
      BAD_BODIES.forEach(body -> calls.add(new FuzzCall(method, path, caller, body)));
    }
    for (String field : bodyFields()) {
      for (String value : BAD_VALUES) {
        calls.add(new FuzzCall(method, path, caller, nested(field, value)));
      }
    }
    for (String parameter : queryParameters()) {
      for (String value : BAD_QUERY_VALUES) {
        calls.add(new FuzzCall(method, path + "?" + parameter + "=" + value, caller, emptyBody));
      }
    }
    for (String variable : variables.keySet()) {
      for (String value : BAD_PATH_VALUES) {
        Map<String, String> malformed = new LinkedHashMap<>(variables);
        malformed.put(variable, value);
        calls.add(new FuzzCall(method, path(malformed), caller, emptyBody));
      }
    }
    return calls;
  }

  private Map<String, String> variables() {
    Map<String, String> variables = new LinkedHashMap<>();
    Matcher matcher = VARIABLE.matcher(pattern);
    while (matcher.find()) {
      variables.put(matcher.group(1), plausible(matcher.group(1)));
    }
    return variables;
  }

  private String plausible(String variable) {
    return switch (variable) {
      case "tenant", "slug" -> tenant;
      case "number" -> application;
      case "userId" -> "U" + UUID.randomUUID().toString().replace("-", "");
      case "key" -> "bulky-waste-collection";
      case "table" -> "applications";
      case "address" -> "192.0.2.1";
      case "page" -> "staff";
      case "department" -> "fuzz-section";
      default -> UUID.randomUUID().toString();
    };
  }

  private String path(Map<String, String> values) {
    Matcher matcher = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(path, Matcher.quoteReplacement(values.get(matcher.group(1))));
    }
    matcher.appendTail(path);
    return path.toString().replace("/**", "/x").replace("/*", "/x");
  }

  private MethodParameter requestBody() {
    for (MethodParameter parameter : handler.getMethodParameters()) {
      if (parameter.hasParameterAnnotation(RequestBody.class)) {
        return parameter;
      }
    }
    return null;
  }

  /** The body's fields, and those of a field that is itself an object, as dotted paths. */
  private List<String> bodyFields() {
    MethodParameter body = requestBody();
    List<String> fields = new ArrayList<>();
    if (body == null) {
      return fields;
    }
    for (Map.Entry<String, Class<?>> field : fieldsOf(body.getParameterType()).entrySet()) {
      fields.add(field.getKey());
      fieldsOf(field.getValue()).keySet().forEach(inner -> fields.add(field.getKey() + "." + inner));
    }
    return fields;
  }

  private static Map<String, Class<?>> fieldsOf(Class<?> type) {
    Map<String, Class<?>> fields = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        fields.put(component.getName(), component.getType());
      }
    } else if (type.getName().startsWith("jp.madoguchi.") && !type.isEnum()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          fields.put(field.getName(), field.getType());
        }
      }
    }
    return fields;
  }

  private List<String> queryParameters() {
    List<String> names = new ArrayList<>();
    for (MethodParameter parameter : handler.getMethodParameters()) {
      RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
      if (annotation == null || MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
        continue;
      }
      String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  private static String nested(String field, String value) {
    String json = value;
    String[] names = field.split("\\.");
    for (int i = names.length - 1; i >= 0; i--) {
      json = "{\"" + names[i] + "\":" + json + "}";
    }
    return json;
  }

  @Override
  public String toString() {
    return method + " " + pattern;
  }
}
