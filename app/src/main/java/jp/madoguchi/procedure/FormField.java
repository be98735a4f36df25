package jp.madoguchi.procedure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One data-bearing component of a Camunda Form (form-js schema): a value, a group with its own
 * path (an object) or a dynamic list (a list of objects).
 *
 * @param options allowed values of select/radio/checklist/taglist; null when the form does not fix them
 * @param hideExpression FEEL condition (form-js {@code conditional.hide}); a hidden field is neither
 *     required nor kept, as in form-js
 * @param readonly shown to the user but not an input (e.g. application data in a clerk's form)
 * @param decimalDigits a number field's form-js {@code decimalDigits} (0: whole numbers only); null: any
 * @param increment a number field's form-js {@code increment}: the value must be a multiple of it; null: any
 * @param maxItems most entries of a dynamic list, a multi-select or a file picker: the form-js custom
 *     property {@code maxItems}, else {@link #DEFAULT_MAX_ITEMS} (a multi-select: its number of options)
 * @param days which days a date field takes, counted from today in Japan
 */
public record FormField(String key, String label, Kind kind, String type, String subtype, boolean required,
    String hideExpression, boolean readonly, Pattern pattern, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
    String validationType, Set<String> options, List<FormField> children, Integer decimalDigits, BigDecimal increment,
    int maxItems, Days days) {

  /** Entries of a list when the form says nothing: enough for any real application, bounded for the server. */
  public static final int DEFAULT_MAX_ITEMS = 50;

  public enum Kind { VALUE, OBJECT, LIST }

  /**
   * Days a date field takes: form-js's {@code disallowPassedDates} asks for today or later (a
   * collection day); form-js has no rule for the other way, which a form asks for with the custom
   * property {@code disallowFutureDates} (a birth date).
   */
  public enum Days { ANY, TODAY_OR_LATER, TODAY_OR_EARLIER }

  /** This field inside a group without a path: hidden also whenever the group is (form-js renders neither then). */
  FormField inGroup(String groupHide) {
    if (groupHide == null) {
      return this;
    }
    String hide = hideExpression == null ? groupHide : "(" + groupHide + ") or (" + hideExpression + ")";
    return new FormField(key, label, kind, type, subtype, required, hide, readonly, pattern, minLength, maxLength, min,
        max, validationType, options, children, decimalDigits, increment, maxItems, days);
  }

  public String displayName() {
    return label == null || label.isBlank() ? key : label;
  }
}
