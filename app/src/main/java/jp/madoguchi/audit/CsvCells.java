package jp.madoguchi.audit;

import java.time.format.DateTimeFormatter;

import jp.madoguchi.audit.AuditSearch.AuditItem;

/**
 * CSV cells that a spreadsheet cannot run: a cell starting with = + - @, a tab or a carriage
 * return gets a leading apostrophe, so Excel shows it as text instead of evaluating it.
 */
final class CsvCells {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private CsvCells() {
  }

  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + value : value;
  }

  static String[] row(AuditItem item) {
    return new String[] {TIME.format(item.occurredAt()), item.category(), text(item.kind()), text(item.account()),
        text(item.sourceAddress()), text(item.method()), text(item.route()), number(item.status()),
        number(item.durationMs()), text(item.applicationNumber()), item.personalDataRead() ? "はい" : "",
        text(item.target()), text(item.details()), Long.toString(item.seq())};
  }

  private static String number(Integer value) {
    return value == null ? "" : value.toString();
  }
}
