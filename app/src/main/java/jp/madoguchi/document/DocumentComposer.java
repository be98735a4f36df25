package jp.madoguchi.document;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.document.DocumentContent.Block;
import jp.madoguchi.document.DocumentContent.Heading;
import jp.madoguchi.document.DocumentContent.Paragraph;
import jp.madoguchi.document.DocumentContent.Table;
import jp.madoguchi.procedure.FormSchema;
import jp.madoguchi.procedure.FormValidator;
import jp.madoguchi.procedure.JapaneseDates;
import jp.madoguchi.procedure.ReadableValues;

/**
 * Resolves a layout for one application. Placeholders: {@code ${name}} is a process variable or
 * one of {@code tenantName, procedureName, applicationNumber, submittedAt, submittedDate, issuedDate,
 * documentTitle}; {@code ${data.a.b}} reads the application's data; inside a table, names are looked
 * up in the row's element first. Unknown names resolve to nothing.
 */
final class DocumentComposer {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");
  private static final float[] LABEL_VALUE = {1f, 2.4f};
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private DocumentComposer() {
  }

  /**
   * @param variables the process variables as JSON
   * @param decisionForms the clerks' task forms of the procedure, for {@code decisionFields}
   * @param informationLabel the procedure's label in Japanese, for the footer
   */
  record Source(String documentId, String verificationUrl, String tenantName, String procedureName,
      String applicationNumber, ZonedDateTime submittedAt, ZonedDateTime issuedAt, String title,
      ObjectNode variables, JsonNode data, FormSchema applyForm, List<FormSchema> decisionForms,
      String informationLabel) {
  }

  static DocumentContent compose(DocumentLayout layout, Source source) {
    ObjectNode scope = scope(source);
    List<Block> blocks = new ArrayList<>();
    for (DocumentLayout.Block block : layout.blocks()) {
      if (block instanceof DocumentLayout.Heading heading) {
        blocks.add(new Heading(resolve(heading.text(), scope, null)));
      } else if (block instanceof DocumentLayout.Paragraph paragraph) {
        blocks.add(new Paragraph(resolve(paragraph.text(), scope, null)));
      } else if (block instanceof DocumentLayout.Rows rows) {
        rows(rows, scope).ifPresent(blocks::add);
      } else if (block instanceof DocumentLayout.Table table) {
        blocks.add(table(table, scope));
      } else if (block instanceof DocumentLayout.ApplicationFields) {
        blocks.addAll(FormRows.of(source.applyForm().definition(), source.data()));
      } else if (block instanceof DocumentLayout.DecisionFields) {
        for (FormSchema form : source.decisionForms()) {
          JsonNode visible = FormValidator.validate(form, source.variables().deepCopy(), false).data();
          blocks.addAll(FormRows.of(form.definition(), visible));
        }
      }
    }
    return new DocumentContent(source.tenantName(), source.title(), layout.titleEn(), source.applicationNumber(),
        JapaneseDates.wareki(source.issuedAt().toLocalDate()),
        layout.addressee() == null ? "" : resolve(layout.addressee(), scope, null).strip(), List.copyOf(blocks),
        layout.footer() == null ? null : resolve(layout.footer(), scope, null), source.verificationUrl(),
        source.documentId(), source.informationLabel());
  }

  private static Optional<Table> rows(DocumentLayout.Rows rows, ObjectNode scope) {
    List<List<String>> resolved = new ArrayList<>();
    for (DocumentLayout.Row row : rows.rows()) {
      String value = resolve(row.value(), scope, null);
      if (!value.isBlank()) {
        resolved.add(List.of(resolve(row.label(), scope, null), value));
      }
    }
    return resolved.isEmpty() ? Optional.empty() : Optional.of(new Table(null, LABEL_VALUE, resolved));
  }

  private static Table table(DocumentLayout.Table table, ObjectNode scope) {
    JsonNode elements = lookup(table.source(), scope, null);
    List<List<String>> rows = new ArrayList<>();
    if (elements.isArray()) {
      for (JsonNode element : elements) {
        rows.add(table.columns().stream().map(column -> resolve(column.value(), scope, element)).toList());
      }
    }
    float[] widths = new float[table.columns().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = table.columns().get(i).width();
    }
    return new Table(table.columns().stream().map(DocumentLayout.Column::label).toList(), widths, rows);
  }

  private static ObjectNode scope(Source source) {
    ObjectNode scope = source.variables().deepCopy();
    scope.put("tenantName", source.tenantName());
    scope.put("procedureName", source.procedureName());
    scope.put("applicationNumber", source.applicationNumber());
    scope.put("submittedAt", JapaneseDates.warekiWithTime(source.submittedAt().withZoneSameInstant(JST)));
    scope.put("submittedDate", JapaneseDates.wareki(source.submittedAt().withZoneSameInstant(JST).toLocalDate()));
    scope.put("issuedDate", JapaneseDates.wareki(source.issuedAt().withZoneSameInstant(JST).toLocalDate()));
    scope.put("documentTitle", source.title());
    scope.set("data", source.data() == null ? JsonNodeFactory.instance.objectNode() : source.data());
    return scope;
  }

  static String resolve(String template, ObjectNode scope, JsonNode element) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(ReadableValues.text(lookup(matcher.group(1), scope, element))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static JsonNode lookup(String path, ObjectNode scope, JsonNode element) {
    String[] parts = path.split("\\.");
    JsonNode node = element != null && element.has(parts[0]) ? element : scope;
    for (String part : parts) {
      node = node.path(part);
    }
    return node;
  }
}
