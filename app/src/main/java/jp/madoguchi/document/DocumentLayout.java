package jp.madoguchi.document;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document layout as the JSON in {@code documents/<id>.json} describes it: a title, blocks in
 * reading order and a footer. Texts may hold placeholders such as {@code ${applicationNumber}} or
 * {@code ${data.address}}; the composer resolves them for one application. {@code addressee} (e.g.
 * {@code ${applicantName}}) is whom the document is addressed to, printed as 「山田 花子 様」.
 */
record DocumentLayout(String id, String title, String titleEn, String addressee, List<Block> blocks, String footer) {

  sealed interface Block permits Heading, Paragraph, Rows, Table, ApplicationFields, DecisionFields {
  }

  record Heading(String text) implements Block {
  }

  record Paragraph(String text) implements Block {
  }

  /** Label/value rows; a row whose value resolves to nothing is left out. */
  record Rows(List<Row> rows) implements Block {
  }

  record Row(String label, String value) {
  }

  /** One table row per element of the list {@code source} (e.g. {@code data.items}); cells resolve per element. */
  record Table(String source, List<Column> columns) implements Block {
  }

  record Column(String label, String value, float width) {
  }

  /** Every field of the procedure's apply form the resident filled in, labelled as in the form. */
  record ApplicationFields() implements Block {
  }

  /** The visible fields of the clerks' task forms (the decision and what goes with it). */
  record DecisionFields() implements Block {
  }

  static DocumentLayout parse(String id, JsonNode json) {
    String title = json.path("title").asText("");
    if (title.isBlank()) {
      throw new IllegalArgumentException("Document layout " + id + " needs a \"title\"");
    }
    List<Block> blocks = new ArrayList<>();
    for (JsonNode block : json.path("blocks")) {
      blocks.add(block(id, block));
    }
    return new DocumentLayout(id, title, json.path("titleEn").asText(null), json.path("addressee").asText(null),
        List.copyOf(blocks), json.path("footer").asText(null));
  }

  private static Block block(String layoutId, JsonNode block) {
    String type = block.path("type").asText("");
    return switch (type) {
      case "heading" -> new Heading(block.path("text").asText(""));
      case "paragraph" -> new Paragraph(block.path("text").asText(""));
      case "rows" -> {
        List<Row> rows = new ArrayList<>();
        block.path("rows").forEach(row -> rows.add(new Row(row.path("label").asText(""), row.path("value").asText(""))));
        yield new Rows(List.copyOf(rows));
      }
      case "table" -> {
        List<Column> columns = new ArrayList<>();
        block.path("columns").forEach(column -> columns.add(new Column(column.path("label").asText(""),
            column.path("value").asText(""), (float) column.path("width").asDouble(1))));
        yield new Table(block.path("source").asText(""), List.copyOf(columns));
      }
      case "applicationFields" -> new ApplicationFields();
      case "decisionFields" -> new DecisionFields();
      default -> throw new IllegalArgumentException("Document layout " + layoutId + " has a block of unknown type '"
          + type + "' (heading, paragraph, rows, table, applicationFields, decisionFields)");
    };
  }
}
