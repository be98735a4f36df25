package jp.madoguchi.procedure;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.procedure.FormField.Kind;

/**
 * Server-side check of a submission against its Camunda Form: required fields, hidden and readonly
 * fields, lists, and each value by {@link FormValueChecks} (types, lengths, patterns, characters,
 * ranges, options, dates); keys the form does not have are refused. {@link Result#data()} is what
 * was checked: it holds no value of a readonly field or of a field hidden by its condition.
 */
public final class FormValidator {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private FormValidator() {
  }

  public record Result(ObjectNode data, List<FormViolation> violations) {
    public boolean valid() {
      return violations.isEmpty();
    }
  }

  /** A resident's submission: every key must be a field of the form, and none of a hidden field has a value. */
  public static Result validate(FormSchema schema, ObjectNode input) {
    return validate(schema, input, true);
  }

  /**
   * @param strict refuse keys the form does not have and values of hidden fields; off for a clerk's
   *     task form, whose variables share the process instance with everything else
   */
  public static Result validate(FormSchema schema, ObjectNode input, boolean strict) {
    List<FormViolation> violations = new ArrayList<>();
    ObjectNode data = validateObject(schema.fields(), input, input, "", strict, violations);
    return new Result(data, List.copyOf(violations));
  }

  private static ObjectNode validateObject(List<FormField> fields, JsonNode input, ObjectNode root, String prefix,
      boolean strict, List<FormViolation> violations) {
    ObjectNode data = JSON.objectNode();
    Map<String, FormField> byKey = new java.util.LinkedHashMap<>();
    fields.forEach(field -> byKey.put(field.key(), field));
    if (strict) {
      for (Iterator<String> names = input.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!byKey.containsKey(name)) {
          violations.add(new FormViolation(prefix + name, "この申請にない項目です", "not a field of this form"));
        }
      }
    }
    for (FormField field : fields) {
      JsonNode value = input.get(field.key());
      String path = prefix + field.key();
      // form-js sends a readonly field's value back as it was shown: never taken from the client
      if (field.readonly()) {
        continue;
      }
      if (FormConditions.isHidden(field.hideExpression(), root, input)) {
        if (strict && hasEntry(value)) {
          violations.add(new FormViolation(path, "「" + field.displayName()
              + "」は今の入力内容では使わない項目です。値を送らないでください", "hidden by the form's condition: send no value"));
        }
        continue;
      }
      if (field.kind() == Kind.OBJECT && isEmpty(value)) {
        value = JSON.objectNode(); // a missing group still has its own required fields
      }
      if (isEmpty(value) || field.required() && isUnset(field, value)) {
        if (field.required() || field.kind() == Kind.LIST && listRequired(field)) {
          violations.add(new FormViolation(path, "「" + field.displayName() + "」は必須です", "required"));
        }
        continue;
      }
      JsonNode cleaned = switch (field.kind()) {
        case VALUE -> FormValueChecks.check(field, value, path, violations);
        case OBJECT -> value.isObject() ? validateObject(field.children(), value, root, path + ".", strict, violations)
            : FormValueChecks.typeError(field, path, "object", violations);
        case LIST -> validateList(field, value, root, path, strict, violations);
      };
      if (cleaned != null) {
        data.set(field.key(), cleaned);
      }
    }
    return data;
  }

  private static boolean listRequired(FormField list) {
    return list.children().stream().anyMatch(FormField::required);
  }

  private static JsonNode validateList(FormField field, JsonNode value, ObjectNode root, String path, boolean strict,
      List<FormViolation> violations) {
    if (!value.isArray()) {
      return FormValueChecks.typeError(field, path, "list", violations);
    }
    if (value.isEmpty() && listRequired(field)) {
      violations.add(new FormViolation(path, "「" + field.displayName() + "」を1件以上入力してください", "at least one entry"));
    }
    if (FormValueChecks.tooMany(field, value, path, violations)) {
      return null;
    }
    ArrayNode items = JSON.arrayNode();
    int index = 0;
    for (JsonNode item : value) {
      if (!item.isObject()) {
        FormValueChecks.typeError(field, path + "[" + index + "]", "object", violations);
      } else {
        items.add(validateObject(field.children(), item, root, path + "[" + index + "].", strict, violations));
      }
      index++;
    }
    return items;
  }

  /** form-js counts an unticked checkbox and an empty selection as not filled in. */
  private static boolean isUnset(FormField field, JsonNode value) {
    return "checkbox".equals(field.type()) && value.isBoolean() && !value.booleanValue()
        || value.isArray() && value.isEmpty() && field.kind() == Kind.VALUE;
  }

  /** What form-js leaves of a field it hides is nothing; an empty value or an unticked box is no entry either. */
  private static boolean hasEntry(JsonNode value) {
    return !isEmpty(value) && !(value.isContainerNode() && value.isEmpty())
        && !(value.isBoolean() && !value.booleanValue());
  }

  private static boolean isEmpty(JsonNode value) {
    return value == null || value.isNull() || value.isTextual() && value.asText().isEmpty();
  }
}
