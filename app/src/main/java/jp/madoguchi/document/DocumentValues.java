package jp.madoguchi.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** How values read on a document: dates in 和暦, option values by their labels, yes/no in Japanese. */
final class DocumentValues {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private DocumentValues() {
  }

  /** A value as text, with the option labels of its form component when it has any. */
  static String display(JsonNode component, JsonNode value) {
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

  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isBoolean()) {
      return value.asBoolean() ? "はい" : "いいえ";
    }
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue().stripTrailingZeros();
      return number.scale() <= 0 ? String.format("%,d", number.toBigInteger()) : number.toPlainString();
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(element -> parts.add(text(element)));
      return String.join("、", parts);
    }
    if (value.isObject()) {
      return value.toString();
    }
    return date(value.asText());
  }

  private static String optionLabel(JsonNode component, JsonNode value) {
    for (JsonNode option : component.path("values")) {
      if (option.path("value").asText().equals(value.asText())) {
        return option.path("label").asText(value.asText());
      }
    }
    return text(value);
  }

  private static String date(String text) {
    if (ISO_DATE.matcher(text).matches()) {
      try {
        return JapaneseDates.wareki(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    return text;
  }
}
