package jp.madoguchi.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The information labels of a Camunda Form's fields (contract C2): every component with a
 * {@code key} carries the form-js custom properties {@code confidentiality} and {@code personalData}.
 * A field inside a dynamic list or group with a {@code path} is keyed {@code path.key}; the list itself
 * (one process variable holding all its entries) carries the strictest label of its fields.
 */
public final class FormLabels {

  private FormLabels() {
  }

  /** A component with a key, with its label properties as written (possibly missing or wrong). */
  public record Field(String key, String componentId, String text, String confidentiality, String personalData) {

    public Optional<InformationLabel> label() {
      return InformationLabel.parse(confidentiality, personalData);
    }
  }

  /** Every component with a key, in form order. */
  public static List<Field> fields(JsonNode form) {
    List<Field> fields = new ArrayList<>();
    collect(form.path("components"), "", fields, new LinkedHashMap<>());
    return fields;
  }

  /**
   * Field key → label, lists and groups with a path included; a field without a valid label counts
   * as {@link InformationLabel#UNLABELLED} (forms deployed before labels existed).
   */
  public static Map<String, InformationLabel> labels(JsonNode form) {
    Map<String, InformationLabel> labels = new LinkedHashMap<>();
    collect(form.path("components"), "", new ArrayList<>(), labels);
    return labels;
  }

  private static InformationLabel collect(JsonNode components, String prefix, List<Field> fields,
      Map<String, InformationLabel> labels) {
    InformationLabel strictest = null;
    for (JsonNode component : components) {
      InformationLabel label = null;
      if (component.hasNonNull("key")) {
        JsonNode properties = component.path("properties");
        Field field = new Field(prefix + component.get("key").asText(), component.path("id").asText(null), text(component),
            properties.path("confidentiality").asText(null), properties.path("personalData").asText(null));
        fields.add(field);
        label = field.label().orElse(InformationLabel.UNLABELLED);
        labels.merge(field.key(), label, InformationLabel::max);
      } else if (component.has("components")) {
        String path = component.path("path").asText("");
        label = collect(component.path("components"), path.isEmpty() ? prefix : prefix + path + ".", fields, labels);
        if (label != null && !path.isEmpty()) {
          labels.merge(prefix + path, label, InformationLabel::max);
        }
      }
      if (label != null) {
        strictest = strictest == null ? label : strictest.max(label);
      }
    }
    return strictest;
  }

  private static String text(JsonNode component) {
    for (String name : List.of("label", "dateLabel", "timeLabel")) {
      String text = component.path(name).asText("");
      if (!text.isBlank()) {
        return text;
      }
    }
    return component.get("key").asText();
  }
}
