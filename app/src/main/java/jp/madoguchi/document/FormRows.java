package jp.madoguchi.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.document.DocumentContent.Block;
import jp.madoguchi.document.DocumentContent.Caption;
import jp.madoguchi.document.DocumentContent.Table;
import jp.madoguchi.procedure.ReadableValues;

/**
 * Turns a Camunda Form (form-js JSON) and the values entered in it into document tables labelled
 * as in the form: plain fields become label/value rows, a dynamic list becomes a table of its own
 * with the list's fields as columns, and option values are shown with their labels.
 */
final class FormRows {

  private static final Set<String> LAYOUT_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
      "iframe", "documentPreview", "table");
  /** A form field with the custom property {@code document: omit} (e.g. the clerk's workflow choice) is left out. */
  private static final String OMIT = "omit";
  private static final float[] LABEL_VALUE = {1f, 2.4f};

  private final List<Block> blocks = new ArrayList<>();
  private List<List<String>> pending = new ArrayList<>();

  private FormRows() {
  }

  /** Only fields present in {@code data} appear (hidden and empty fields are not shown). */
  static List<Block> of(JsonNode formDefinition, JsonNode data) {
    FormRows rows = new FormRows();
    rows.components(formDefinition.path("components"), data);
    rows.flush();
    return rows.blocks;
  }

  private void components(JsonNode components, JsonNode data) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if (LAYOUT_ONLY.contains(type) || OMIT.equals(component.path("properties").path("document").asText())) {
        continue;
      }
      String path = component.path("path").asText("");
      if ("group".equals(type)) {
        components(component.path("components"), path.isEmpty() ? data : data.path(path));
      } else if ("dynamiclist".equals(type)) {
        list(component, data.path(path));
      } else if (component.hasNonNull("key") && present(data.get(component.get("key").asText()))) {
        pending.add(List.of(label(component), ReadableValues.of(component, data.get(component.get("key").asText()))));
      }
    }
  }

  private void list(JsonNode list, JsonNode items) {
    if (!items.isArray() || items.isEmpty()) {
      return;
    }
    flush();
    List<JsonNode> columns = new ArrayList<>();
    list.path("components").forEach(child -> {
      if (child.hasNonNull("key") && !LAYOUT_ONLY.contains(child.path("type").asText(""))) {
        columns.add(child);
      }
    });
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode item : items) {
      rows.add(columns.stream().map(column -> {
        JsonNode value = item.get(column.get("key").asText());
        return present(value) ? ReadableValues.of(column, value) : "";
      }).toList());
    }
    float[] widths = new float[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = "number".equals(columns.get(i).path("type").asText()) ? 0.6f : 1.6f;
    }
    blocks.add(new Caption(label(list)));
    blocks.add(new Table(columns.stream().map(FormRows::label).toList(), widths, rows));
  }

  private void flush() {
    if (!pending.isEmpty()) {
      blocks.add(new Table(null, LABEL_VALUE, List.copyOf(pending)));
      pending = new ArrayList<>();
    }
  }

  private static boolean present(JsonNode value) {
    return value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank())
        && !(value.isContainerNode() && value.isEmpty());
  }

  private static String label(JsonNode component) {
    String label = component.path("label").asText(component.path("dateLabel").asText(""));
    return label.isBlank() ? component.path("key").asText(component.path("path").asText("")) : label;
  }
}
