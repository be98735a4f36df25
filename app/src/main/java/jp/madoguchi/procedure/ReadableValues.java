package jp.madoguchi.procedure;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values as residents and clerks read them, in clerks' forms, LINE messages and documents alike:
 * option values by their labels, dates in 和暦 with the weekday (令和8年12月10日（木）), yes/no in
 * Japanese, whole numbers with separators (1,600).
 */
public final class ReadableValues {

  /** The process variable with an application's data as clerks read it ({@code {{readable.size}}} in a form). */
  public static final String VARIABLE = "readable";

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
  private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern YEAR_PREFIX = Pattern.compile("(\\d{4})-");
  private static final Pattern ISO_TIME = Pattern.compile("\\d{2}:\\d{2}");
  private static final Set<String> LAYOUT_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
      "iframe", "documentPreview", "table");

  private ReadableValues() {
  }

  /**
   * The data of a form as text, keyed like the data: {@code {"size": "L（一辺1m以上）", "preferredDate1":
   * "令和8年12月10日（木）", "items": [{...}]}}; a dynamic list stays a list, a group with a path an object.
   * Files are left out; what the data lacks is left out too.
   */
  public static ObjectNode ofForm(JsonNode formDefinition, JsonNode data) {
    ObjectNode readable = JsonNodeFactory.instance.objectNode();
    components(formDefinition.path("components"), data == null ? JsonNodeFactory.instance.objectNode() : data,
        readable, false);
    return readable;
  }

  /**
   * As {@link #ofForm}, with an empty text for every field the data lacks (an empty list, an empty
   * group): a clerk's form shows nothing where the resident left a field empty, where Tasklist's
   * form-js would show 「{{⚠}}」 for a missing value.
   */
  public static ObjectNode ofEveryField(JsonNode formDefinition, JsonNode data) {
    ObjectNode readable = JsonNodeFactory.instance.objectNode();
    components(formDefinition.path("components"), data == null ? JsonNodeFactory.instance.objectNode() : data,
        readable, true);
    return readable;
  }

  private static void components(JsonNode components, JsonNode data, ObjectNode readable, boolean everyField) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if (LAYOUT_ONLY.contains(type) || "filepicker".equals(type)) {
        continue;
      }
      String path = component.path("path").asText("");
      if ("group".equals(type)) {
        if (path.isEmpty()) {
          components(component.path("components"), data, readable, everyField);
        } else if (data.path(path).isObject() || everyField) {
          components(component.path("components"), data.path(path), readable.putObject(path), everyField);
        }
      } else if ("dynamiclist".equals(type)) {
        if (data.path(path).isArray() || everyField) {
          ArrayNode items = readable.putArray(path);
          data.path(path).forEach(item -> components(component.path("components"), item, items.addObject(),
              everyField));
        }
      } else if (component.hasNonNull("key") && present(data.get(component.get("key").asText()))) {
        String key = component.get("key").asText();
        readable.put(key, of(component, data.get(key)));
      } else if (component.hasNonNull("key") && everyField) {
        readable.put(component.get("key").asText(), "");
      }
    }
  }

  /** One field of a form with its value as text, for one-line summaries. */
  public record Line(String key, String label, String text) {
  }

  /**
   * The fields of a form the data fills, in the form's order, each as label and text; a dynamic
   * list or a group becomes one line (［名前：ソファ、大きさ：L（一辺1m以上）］［…］). Files are counted.
   */
  public static List<Line> lines(JsonNode formDefinition, JsonNode data) {
    List<Line> lines = new ArrayList<>();
    lines(formDefinition.path("components"), data == null ? JsonNodeFactory.instance.objectNode() : data, lines);
    return lines;
  }

  private static void lines(JsonNode components, JsonNode data, List<Line> lines) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if (LAYOUT_ONLY.contains(type)) {
        continue;
      }
      String path = component.path("path").asText("");
      if ("group".equals(type) && path.isEmpty()) {
        lines(component.path("components"), data, lines);
      } else if ("group".equals(type) || "dynamiclist".equals(type)) {
        JsonNode value = data.path(path);
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
          value.forEach(items::add);
        } else if (value.isObject()) {
          items.add(value);
        }
        if (!items.isEmpty()) {
          StringBuilder text = new StringBuilder();
          for (JsonNode item : items) {
            List<Line> inner = lines(component, item);
            text.append("［").append(String.join("、", inner.stream().map(line -> line.label() + "：" + line.text())
                .toList())).append("］");
          }
          lines.add(new Line(path, label(component), text.toString()));
        }
      } else if (component.hasNonNull("key") && present(data.get(component.get("key").asText()))) {
        String key = component.get("key").asText();
        lines.add(new Line(key, label(component), of(component, data.get(key)).replaceAll("\\s+", " ")));
      }
    }
  }

  /** The label a form shows for a component (the date label of a date field), or its key. */
  public static String label(JsonNode component) {
    String label = component.path("label").asText(component.path("dateLabel").asText(""));
    return label.isBlank() ? component.path("key").asText(component.path("path").asText("")) : label;
  }

  /** A value of a form component: option labels for its options, else {@link #text}. */
  public static String of(JsonNode component, JsonNode value) {
    if ("filepicker".equals(component.path("type").asText())) {
      return "添付ファイル " + (value.isArray() ? value.size() : 1) + " 件";
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(element -> parts.add(optionLabel(component, element)));
      return String.join("、", parts);
    }
    return optionLabel(component, value);
  }

  /** A value without its form: dates in 和暦 with the weekday, はい/いいえ, 1,600, lists joined with 、. */
  public static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isBoolean()) {
      return value.asBoolean() ? "はい" : "いいえ";
    }
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue().stripTrailingZeros();
      return number.scale() <= 0 ? grouped(number.toBigInteger().toString()) : number.toPlainString();
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(element -> parts.add(text(element)));
      return String.join("、", parts);
    }
    if (value.isObject()) {
      return value.toString();
    }
    return text(value.asText());
  }

  /** Text as it reads: ISO dates (2026-12-10), date-times, months (2026-04) and times (09:30) in Japanese. */
  public static String text(String value) {
    if (value == null) {
      return "";
    }
    if (!plausibleYear(value)) {
      return value;
    }
    try {
      if (ISO_DATE.matcher(value).matches()) {
        return JapaneseDates.warekiWithWeekday(LocalDate.parse(value));
      }
      if (ISO_DATE_TIME.matcher(value).matches()) {
        return JapaneseDates.warekiWithWeekdayAndTime(LocalDateTime.parse(value));
      }
      if (ISO_MONTH.matcher(value).matches()) {
        return JapaneseDates.warekiMonth(YearMonth.parse(value));
      }
      if (ISO_TIME.matcher(value).matches()) {
        LocalTime time = LocalTime.parse(value);
        return time.getHour() + "時" + String.format("%02d", time.getMinute()) + "分";
      }
    } catch (DateTimeException e) {
      return value;
    }
    return value;
  }

  /** "0120-12" is a phone number, not December of the year 120. */
  private static boolean plausibleYear(String value) {
    Matcher year = YEAR_PREFIX.matcher(value);
    return !year.lookingAt() || Integer.parseInt(year.group(1)) >= 1900 && Integer.parseInt(year.group(1)) <= 2200;
  }

  /** 1600 → 1,600, -12345 → -12,345: always with commas, whatever the server's locale. */
  private static String grouped(String digits) {
    int sign = digits.startsWith("-") ? 1 : 0;
    StringBuilder text = new StringBuilder(digits);
    for (int comma = digits.length() - 3; comma > sign; comma -= 3) {
      text.insert(comma, ',');
    }
    return text.toString();
  }

  private static String optionLabel(JsonNode component, JsonNode value) {
    for (JsonNode option : component.path("values")) {
      if (option.path("value").asText().equals(value.asText())) {
        return option.path("label").asText(value.asText());
      }
    }
    return text(value);
  }

  private static boolean present(JsonNode value) {
    return value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank())
        && !(value.isContainerNode() && value.isEmpty());
  }
}
