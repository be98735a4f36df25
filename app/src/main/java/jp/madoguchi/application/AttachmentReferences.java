package jp.madoguchi.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.procedure.FormField;
import jp.madoguchi.procedure.FormSchema;
import jp.madoguchi.procedure.FormViolation;
import jp.madoguchi.procedure.InvalidFormException;

/** The attachment ids a submission refers to: the values of the form's file fields. */
final class AttachmentReferences {

  private AttachmentReferences() {
  }

  static List<UUID> in(FormSchema form, JsonNode data) {
    List<UUID> ids = new ArrayList<>();
    for (FormField field : form.fields()) {
      if (!"filepicker".equals(field.type()) || !data.hasNonNull(field.key())) {
        continue;
      }
      JsonNode value = data.get(field.key());
      for (JsonNode id : value.isArray() ? value : List.of(value)) {
        try {
          ids.add(UUID.fromString(id.asText()));
        } catch (IllegalArgumentException e) {
          throw InvalidFormException.of(List.of(new FormViolation(field.key(),
              "「" + field.displayName() + "」のファイルをもう一度添付してください", "not an attachment id")));
        }
      }
    }
    return ids.stream().distinct().toList();
  }
}
