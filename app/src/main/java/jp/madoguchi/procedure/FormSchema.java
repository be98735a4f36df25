package jp.madoguchi.procedure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.procedure.FormField.Kind;

/** The data fields of a Camunda Form, read from its form-js JSON (kept as {@code definition} for renderers). */
public record FormSchema(String id, List<FormField> fields, JsonNode definition) {

  private static final BigDecimal LARGEST_STEP = BigDecimal.TEN.pow(15);
  private static final Set<String> LAYOUT_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
      "iframe", "documentPreview", "table");

  public static FormSchema parse(JsonNode form) {
    String id = form.path("id").asText(null);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A Camunda Form needs an \"id\" (the formRef used in BPMN)");
    }
    return new FormSchema(id, fieldsOf(form.path("components")), form);
  }

  private static List<FormField> fieldsOf(JsonNode components) {
    List<FormField> fields = new ArrayList<>();
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if (LAYOUT_ONLY.contains(type)) {
        continue;
      }
      String hide = hideExpression(component);
      String path = component.path("path").asText("");
      if ("group".equals(type) || "dynamiclist".equals(type)) {
        List<FormField> children = fieldsOf(component.path("components"));
        if (path.isEmpty()) {
          children.forEach(child -> fields.add(child.inGroup(hide)));
        } else {
          fields.add(new FormField(path, component.path("label").asText(null),
              "dynamiclist".equals(type) ? Kind.LIST : Kind.OBJECT, type, null, false, hide,
              readonly(component), null, null, null, null, null, null, null, children, null, null,
              maxItems(component, FormField.DEFAULT_MAX_ITEMS), FormField.Days.ANY));
        }
        continue;
      }
      if (!component.hasNonNull("key")) {
        continue;
      }
      fields.add(valueField(component, type, hide));
    }
    return List.copyOf(fields);
  }

  private static String hideExpression(JsonNode component) {
    String hide = component.path("conditional").path("hide").asText("").trim();
    if (hide.isEmpty()) {
      return null;
    }
    String condition = hide.startsWith("=") ? hide.substring(1) : hide;
    String[] problem = FeelLimits.problem(condition, FeelLimits.Use.FORM_CONDITION);
    if (problem != null) {
      throw new FormDefinitionException(name(component), problem[0], problem[1]);
    }
    return condition;
  }

  /** How a refusal names a component: its key, or a list's path, or its id. */
  private static String name(JsonNode component) {
    return component.path("key").asText(component.path("path").asText(component.path("id").asText(null)));
  }

  private static boolean readonly(JsonNode component) {
    return component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
  }

  private static FormField valueField(JsonNode component, String type, String hide) {
    JsonNode validate = component.path("validate");
    String key = component.get("key").asText();
    String label = component.path("label").asText(component.path("dateLabel").asText(null));
    Set<String> options = options(component);
    return new FormField(key, label, Kind.VALUE, type,
        component.path("subtype").asText(null), validate.path("required").asBoolean(false), hide,
        readonly(component), pattern(validate, key), integer(validate, "minLength", key),
        integer(validate, "maxLength", key), decimal(validate, "min", key), decimal(validate, "max", key),
        validate.path("validationType").asText(null), options, List.of(), integer(component, "decimalDigits", key),
        increment(component, key),
        maxItems(component, options == null ? FormField.DEFAULT_MAX_ITEMS : options.size()),
        days(component, key));
  }

  private static FormField.Days days(JsonNode component, String key) {
    boolean noPassedDays = component.path("disallowPassedDates").asBoolean(false);
    String configured = component.path("properties").path("disallowFutureDates").asText("").trim();
    if (!configured.isEmpty() && !"true".equals(configured) && !"false".equals(configured)) {
      throw new FormDefinitionException(key, "項目「" + key + "」の disallowFutureDates は true か false にしてください",
          "Field '" + key + "' has disallowFutureDates '" + configured + "', not true or false");
    }
    boolean noFutureDays = "true".equals(configured);
    if (noPassedDays && noFutureDays) {
      throw new FormDefinitionException(key, "項目「" + key + "」は過ぎた日も先の日も受け付けない設定で、今日しか選べません。"
          + "disallowPassedDates か disallowFutureDates のどちらかにしてください",
          "Field '" + key + "' disallows both passed and future dates: only today would be taken");
    }
    return noPassedDays ? FormField.Days.TODAY_OR_LATER : noFutureDays ? FormField.Days.TODAY_OR_EARLIER : FormField.Days.ANY;
  }

  /** form-js has no list length; a form sets one with the custom property {@code maxItems}. */
  private static int maxItems(JsonNode component, int fallback) {
    String configured = component.path("properties").path("maxItems").asText("").trim();
    if (configured.isEmpty()) {
      return fallback;
    }
    try {
      int maxItems = Integer.parseInt(configured);
      if (maxItems < 1) {
        throw new NumberFormatException();
      }
      return maxItems;
    } catch (NumberFormatException e) {
      String field = name(component);
      throw new FormDefinitionException(field, "項目「" + field + "」の maxItems「" + configured
          + "」は 1 以上の整数にしてください", "Field '" + field + "' has maxItems '" + configured
          + "', not a whole number from 1");
    }
  }

  private static BigDecimal positive(BigDecimal increment) {
    return increment == null || increment.signum() <= 0 ? null : increment;
  }

  private static Pattern pattern(JsonNode validate, String key) {
    if (!validate.hasNonNull("pattern")) {
      return null;
    }
    try {
      return Pattern.compile(validate.get("pattern").asText());
    } catch (PatternSyntaxException e) {
      throw new FormDefinitionException(key, "項目「" + key + "」の入力パターン（pattern）を正規表現として読めません",
          "Field '" + key + "' has a pattern Java cannot read: " + e.getDescription());
    }
  }

  private static Set<String> options(JsonNode component) {
    JsonNode values = component.path("values");
    if (!values.isArray()) {
      return null;
    }
    Set<String> options = new LinkedHashSet<>();
    values.forEach(value -> options.add(value.path("value").asText()));
    return Set.copyOf(options);
  }

  /** A whole number from 0 (a number, or digits as text); absent or blank is no setting. */
  private static Integer integer(JsonNode node, String name, String key) {
    JsonNode value = node.path(name);
    if (value.isNull() || value.isMissingNode() || value.isTextual() && value.asText().isBlank()) {
      return null;
    }
    String text = value.asText().trim();
    if (value.canConvertToInt() && value.isIntegralNumber() && value.intValue() >= 0 || text.matches("\\d{1,9}")) {
      return value.isNumber() ? value.intValue() : Integer.parseInt(text);
    }
    throw new FormDefinitionException(key, "項目「" + key + "」の " + name + "「" + text + "」は 0 以上の整数にしてください",
        "Field '" + key + "': " + name + " '" + text + "' must be a whole number from 0");
  }

  /**
   * form-js's step of a number field; at most 10 decimals and below 10^15: the server divides each
   * number sent by it, and {@code 1.5} by {@code 1e-100000} took 5.6 s.
   */
  private static BigDecimal increment(JsonNode component, String key) {
    BigDecimal increment = positive(decimal(component, "increment", key));
    if (increment != null && (increment.stripTrailingZeros().scale() > 10 || increment.compareTo(LARGEST_STEP) >= 0)) {
      throw new FormDefinitionException(key, "項目「" + key + "」の increment「" + increment
          + "」は小数点以下10桁まで、10の15乗より小さい数にしてください", "Field '" + key + "': increment '"
          + increment + "' must have at most 10 decimals and be below 10^15");
    }
    return increment;
  }

  private static BigDecimal decimal(JsonNode node, String name, String key) {
    if (!node.hasNonNull(name)) {
      return null;
    }
    JsonNode value = node.get(name);
    if (value.isNumber()) {
      return value.decimalValue();
    }
    try {
      return new BigDecimal(value.asText().trim());
    } catch (NumberFormatException e) {
      throw new FormDefinitionException(key, "項目「" + key + "」の " + name + "「" + value.asText() + "」を数として読めません",
          "Field '" + key + "': " + name + " '" + value.asText() + "' is not a number");
    }
  }
}
