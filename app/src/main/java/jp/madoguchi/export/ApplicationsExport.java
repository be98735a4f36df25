package jp.madoguchi.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * The applications in clear: {@code applications/applications.json} (one array, every application
 * with its data) and one CSV per procedure ({@code applications/<procedure>.csv}, a column per form
 * field met in that procedure's data, lists and groups as JSON text). Two passes over a cursor, so
 * memory holds one fetch of rows and the column names, never the tenant's applications.
 */
@Component
class ApplicationsExport {

  private static final String[] FIXED_COLUMNS = {"申請番号 (number)", "手続 (procedure)", "申請日時 (submitted)",
      "受付経路 (channel)", "状態 (state)", "完了日時 (ended)"};

  private final ApplicationRows rows;
  private final ObjectMapper json;

  ApplicationsExport(ApplicationRows rows, ObjectMapper json) {
    this.rows = rows;
    this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** Writes both forms; returns the number of applications. */
  long write(ExportZip zip, String tenantId, SensitiveFields sensitive, boolean includeSensitive, long total,
      ExportProgress progress) throws Exception {
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    long[] count = {0};
    progress.phase("applications-json", total);
    try (OutputStream out = zip.entry("applications/applications.json");
        JsonGenerator generator = json.getFactory().createGenerator(out)) {
      generator.useDefaultPrettyPrinter();
      generator.writeStartArray();
      rows.forEach(tenantId, row -> {
        if (!includeSensitive) {
          sensitive.remove(row.procedureKey(), row.processDefinitionId(), row.data());
        }
        columns.computeIfAbsent(row.procedureKey(), key -> new LinkedHashSet<>())
            .addAll(iterableToList(row.data().fieldNames()));
        json.writeValue(generator, row);
        count[0]++;
        progress.item();
      });
      generator.writeEndArray();
    }
    progress.phase("applications-csv", total);
    Csv[] current = {null};
    rows.forEach(tenantId, row -> {
      if (current[0] == null || !current[0].procedureKey.equals(row.procedureKey())) {
        if (current[0] != null) {
          current[0].close();
        }
        current[0] = new Csv(zip, row.procedureKey(), List.copyOf(columns.get(row.procedureKey())));
      }
      if (!includeSensitive) {
        sensitive.remove(row.procedureKey(), row.processDefinitionId(), row.data());
      }
      current[0].print(row);
      progress.item();
    });
    if (current[0] != null) {
      current[0].close();
    }
    return count[0];
  }

  private static List<String> iterableToList(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  /** One procedure's CSV: UTF-8 with a BOM (Excel), formulas neutralised like the audit log's CSV. */
  private static final class Csv {
    private final String procedureKey;
    private final List<String> fields;
    private final CSVPrinter printer;

    Csv(ExportZip zip, String procedureKey, List<String> fields) throws IOException {
      this.procedureKey = procedureKey;
      this.fields = fields;
      Writer writer = new OutputStreamWriter(zip.entry("applications/" + ExportZip.safeName(procedureKey) + ".csv"),
          StandardCharsets.UTF_8);
      writer.write('\uFEFF');
      List<String> header = new ArrayList<>(List.of(FIXED_COLUMNS));
      header.addAll(fields);
      this.printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(header.toArray(String[]::new)).get());
    }

    void print(ApplicationRows.Row row) throws IOException {
      List<String> cells = new ArrayList<>(FIXED_COLUMNS.length + fields.size());
      cells.add(row.number());
      cells.add(row.procedureKey());
      cells.add(row.submittedAt().toString());
      cells.add(row.channel());
      cells.add(row.state());
      cells.add(row.endedAt() == null ? "" : row.endedAt().toString());
      for (String field : fields) {
        JsonNode value = row.data().get(field);
        cells.add(value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
      }
      printer.printRecord(cells.stream().map(Csv::neutralised).toList());
    }

    void close() throws IOException {
      printer.close();
    }

    /** A cell a spreadsheet would run as a formula is shown as text. */
    private static String neutralised(String value) {
      if (value == null) {
        return "";
      }
      return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
  }
}
