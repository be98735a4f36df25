package jp.madoguchi.statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as Excel opens it: UTF-8 with a byte order mark, CRLF, every text cell quoted. A text cell
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR) starts with an apostrophe.
 */
final class StatisticsCsv {

  private static final String BOM = "\uFEFF";

  private StatisticsCsv() {
  }

  static byte[] of(StatisticsTables.Table table) {
    StringBuilder csv = new StringBuilder(BOM);
    append(csv, table);
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Every table one after the other, each under its title, separated by an empty line. */
  static byte[] all(Statistics statistics) {
    StringBuilder csv = new StringBuilder(BOM);
    for (StatisticsTables table : StatisticsTables.values()) {
      line(csv, List.of("■ " + table.title()));
      append(csv, table.of(statistics));
      csv.append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder csv, StatisticsTables.Table table) {
    line(csv, List.copyOf(table.header()));
    table.rows().forEach(row -> line(csv, row));
  }

  private static void line(StringBuilder csv, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
