package jp.madoguchi.document;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Dates as Japanese official documents write them: 和暦 (令和8年11月26日), the first year of an era as 元年. */
final class JapaneseDates {

  private JapaneseDates() {
  }

  static String wareki(LocalDate date) {
    JapaneseDate japanese = JapaneseDate.from(date);
    JapaneseEra era = japanese.getEra();
    int year = japanese.get(ChronoField.YEAR_OF_ERA);
    return era.getDisplayName(TextStyle.FULL, Locale.JAPAN) + (year == 1 ? "元" : String.valueOf(year)) + "年"
        + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** 令和8年11月26日 14時05分 */
  static String warekiWithTime(ZonedDateTime time) {
    return wareki(time.toLocalDate()) + " " + time.getHour() + "時" + String.format("%02d", time.getMinute()) + "分";
  }
}
