package jp.madoguchi.procedure;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks of one value against its field ({@link FormValidator} walks the form): types, lengths,
 * patterns, characters, ranges, options and dates.
 */
final class FormValueChecks {

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  /** The dates a municipality's form takes: a birth date of someone alive, a date within the next decades. */
  private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

  private FormValueChecks() {
  }

  static JsonNode check(FormField field, JsonNode value, String path, List<FormViolation> violations) {
    if (value.isNumber() && !representable(value)) {
      violations.add(new FormViolation(path, "「" + field.displayName() + "」は扱える範囲の数で入力してください",
          "a number out of range"));
      return null;
    }
    return switch (field.type()) {
      case "number" -> value.isNumber() ? checkRange(field, value, path, violations)
          : typeError(field, path, "number", violations);
      case "checkbox" -> value.isBoolean() ? value : typeError(field, path, "boolean", violations);
      case "checklist", "taglist" -> checkMulti(field, value, path, violations);
      case "select", "radio" -> value.isTextual() || value.isNumber() ? checkOption(field, value, path, violations)
          : typeError(field, path, "one of the options", violations);
      case "datetime" -> value.isTextual() ? checkDateTime(field, value, path, violations)
          : typeError(field, path, "date text", violations);
      case "filepicker" -> checkFiles(field, value, path, violations);
      default -> value.isTextual() ? checkText(field, value, path, violations)
          : typeError(field, path, "text", violations);
    };
  }

  private static JsonNode checkText(FormField field, JsonNode value, String path, List<FormViolation> violations) {
    String text = value.asText();
    String name = field.displayName();
    if (hasUnusableCharacter(text, "textarea".equals(field.type()))) {
      violations.add(new FormViolation(path, "「" + name + "」に使えない文字（制御文字など）が含まれています。入力し直してください",
          "contains a control character"));
    }
    if (field.minLength() != null && text.codePointCount(0, text.length()) < field.minLength()) {
      violations.add(new FormViolation(path, "「" + name + "」は" + field.minLength() + "文字以上で入力してください",
          "at least " + field.minLength() + " characters"));
    }
    if (field.maxLength() != null && text.codePointCount(0, text.length()) > field.maxLength()) {
      violations.add(new FormViolation(path, "「" + name + "」は" + field.maxLength() + "文字以内で入力してください",
          "at most " + field.maxLength() + " characters"));
    }
    // form-js tests patterns with RegExp.test, which matches anywhere unless the pattern is anchored
    BoundedMatching.Outcome format = field.pattern() == null ? BoundedMatching.Outcome.MATCHES
        : BoundedMatching.find(field.pattern(), text);
    if (format == BoundedMatching.Outcome.MATCHES && "email".equals(field.validationType())) {
      format = BoundedMatching.matches(EMAIL, text);
    }
    if (format == BoundedMatching.Outcome.DOES_NOT_MATCH) {
      violations.add(new FormViolation(path, "「" + name + "」の形式が正しくありません", "does not match the expected format"));
    } else if (format == BoundedMatching.Outcome.UNDECIDED) {
      violations.add(new FormViolation(path, "「" + name + "」の形式を確かめられませんでした。短くして入力し直してください",
          "the format could not be checked: enter a shorter text"));
    }
    return value;
  }

  /**
   * Control characters (a text area keeps its line breaks and tabs), bidirectional overrides (which
   * make a name read differently from how it is stored) and halves of a character.
   */
  private static boolean hasUnusableCharacter(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
      if (Character.isISOControl(c) && !(multiline && lineBreakOrTab) || Character.isSurrogate(c)
          || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whole numbers are stored as longs, other numbers as doubles: JSON such as {@code 1e400} (read as an
   * infinite double) or a 20-digit integer has no such value.
   */
  private static boolean representable(JsonNode number) {
    return number.isIntegralNumber() ? number.canConvertToLong() : Double.isFinite(number.doubleValue());
  }

  private static JsonNode checkRange(FormField field, JsonNode value, String path, List<FormViolation> violations) {
    BigDecimal number = value.decimalValue();
    // form-js: decimalDigits 0 makes a whole-number field; increment makes the steps
    if (field.decimalDigits() != null && Math.max(0, number.stripTrailingZeros().scale()) > field.decimalDigits()) {
      violations.add(field.decimalDigits() == 0
          ? new FormViolation(path, "「" + field.displayName() + "」は整数で入力してください", "a whole number")
          : new FormViolation(path, "「" + field.displayName() + "」は小数点以下" + field.decimalDigits() + "桁までです",
              "at most " + field.decimalDigits() + " decimal digits"));
    }
    if (field.increment() != null && number.remainder(field.increment()).signum() != 0) {
      violations.add(new FormViolation(path, "「" + field.displayName() + "」は" + field.increment().toPlainString()
          + "単位で入力してください", "a multiple of " + field.increment().toPlainString()));
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      violations.add(new FormViolation(path, "「" + field.displayName() + "」は" + field.min().toPlainString()
          + "以上にしてください", "at least " + field.min().toPlainString()));
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      violations.add(new FormViolation(path, "「" + field.displayName() + "」は" + field.max().toPlainString()
          + "以下にしてください", "at most " + field.max().toPlainString()));
    }
    return value;
  }

  private static JsonNode checkOption(FormField field, JsonNode value, String path, List<FormViolation> violations) {
    if (field.options() != null && !field.options().contains(value.asText())) {
      violations.add(new FormViolation(path, "「" + field.displayName() + "」に選べない値です", "not one of the options"));
    }
    return value;
  }

  private static JsonNode checkMulti(FormField field, JsonNode value, String path, List<FormViolation> violations) {
    if (!value.isArray()) {
      return typeError(field, path, "list of options", violations);
    }
    if (tooMany(field, value, path, violations)) {
      return null;
    }
    java.util.Set<String> chosen = new java.util.HashSet<>();
    for (JsonNode element : value) {
      checkOption(field, element, path, violations);
      if (!chosen.add(element.asText())) {
        violations.add(new FormViolation(path, "「" + field.displayName() + "」で同じものを2回選んでいます",
            "the same option twice"));
        break;
      }
    }
    return value;
  }

  private static JsonNode checkFiles(FormField field, JsonNode value, String path, List<FormViolation> violations) {
    if (value.isTextual()) {
      return value;
    }
    if (!value.isArray()) {
      return typeError(field, path, "file", violations);
    }
    return tooMany(field, value, path, violations) ? null : value;
  }

  /** A list longer than the form allows is refused as a whole, without looking at its entries. */
  static boolean tooMany(FormField field, JsonNode list, String path, List<FormViolation> violations) {
    if (list.size() <= field.maxItems()) {
      return false;
    }
    violations.add(new FormViolation(path, "「" + field.displayName() + "」は" + field.maxItems() + "件までです",
        "at most " + field.maxItems() + " entries"));
    return true;
  }

  private static JsonNode checkDateTime(FormField field, JsonNode value, String path, List<FormViolation> violations) {
    String text = value.asText();
    LocalDate date;
    try {
      // form-js serialises times with or without an offset, depending on timeSerializingFormat
      date = switch (field.subtype() == null ? "date" : field.subtype()) {
        case "time" -> {
          parseEither(text, LocalTime::parse, OffsetTime::parse);
          yield null;
        }
        case "datetime" -> parseEither(text, plain -> LocalDateTime.parse(plain).toLocalDate(),
            withOffset -> OffsetDateTime.parse(withOffset).atZoneSameInstant(JST).toLocalDate());
        default -> LocalDate.parse(text);
      };
    } catch (DateTimeParseException e) {
      String expected = "time".equals(field.subtype()) ? "HH:mm" : "datetime".equals(field.subtype())
          ? "YYYY-MM-DDTHH:mm+09:00" : "YYYY-MM-DD";
      violations.add(new FormViolation(path, "「" + field.displayName() + "」は " + expected + " の形式で入力してください",
          "expected " + expected));
      return value;
    } catch (DateTimeException beyondTheCalendar) {
      // e.g. +999999999-12-31T23:59:59-18:00: well formed, but no date in JST
      outOfRange(field, path, violations);
      return value;
    }
    if (date == null) {
      return value;
    }
    if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
      outOfRange(field, path, violations);
    } else if (field.days() == FormField.Days.TODAY_OR_LATER && date.isBefore(LocalDate.now(JST))) {
      violations.add(new FormViolation(path, "「" + field.displayName() + "」には今日以降の日付を入力してください",
          "today or later"));
    } else if (field.days() == FormField.Days.TODAY_OR_EARLIER && date.isAfter(LocalDate.now(JST))) {
      violations.add(new FormViolation(path, "「" + field.displayName() + "」には今日までの日付を入力してください",
          "today or earlier"));
    }
    return value;
  }

  private static void outOfRange(FormField field, String path, List<FormViolation> violations) {
    violations.add(new FormViolation(path, "「" + field.displayName() + "」は" + EARLIEST_DATE.getYear() + "年から"
        + LATEST_DATE.getYear() + "年までの日付で入力してください",
        "a date from " + EARLIEST_DATE.getYear() + " to " + LATEST_DATE.getYear()));
  }

  private static <T> T parseEither(String text, java.util.function.Function<String, T> plain,
      java.util.function.Function<String, T> withOffset) {
    try {
      return plain.apply(text);
    } catch (DateTimeParseException e) {
      return withOffset.apply(text);
    }
  }

  static JsonNode typeError(FormField field, String path, String expected, List<FormViolation> violations) {
    violations.add(new FormViolation(path, "「" + field.displayName() + "」の値の種類が正しくありません", "expected " + expected));
    return null;
  }
}
