package jp.madoguchi.procedure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Dates as Japanese municipalities write them: 和暦 (令和8年12月10日), the first year of an era as 元年,
 * with the weekday where a person plans by it (令和8年12月10日（木）).
 */
public final class JapaneseDates {

  private JapaneseDates() {
  }

  /** 令和8年12月10日 (official dates of a document: issue date, application date). */
  public static String wareki(LocalDate date) {
    return eraYear(date) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** 令和8年12月10日（木） */
  public static String warekiWithWeekday(LocalDate date) {
    return wareki(date) + "（" + weekday(date.getDayOfWeek()) + "）";
  }

  /** 令和8年11月26日 14時05分 */
  public static String warekiWithTime(ZonedDateTime time) {
    return wareki(time.toLocalDate()) + " " + time.getHour() + "時" + String.format("%02d", time.getMinute()) + "分";
  }

  /** 令和8年12月10日（木）9時30分 */
  public static String warekiWithWeekdayAndTime(LocalDateTime time) {
    return warekiWithWeekday(time.toLocalDate()) + time.getHour() + "時" + String.format("%02d", time.getMinute()) + "分";
  }

  /** 令和8年4月 */
  public static String warekiMonth(YearMonth month) {
    return eraYear(month.atDay(1)) + "年" + month.getMonthValue() + "月";
  }

  /** 月, 火 … */
  public static String weekday(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.JAPAN);
  }

  private static String eraYear(LocalDate date) {
    JapaneseDate japanese = JapaneseDate.from(date);
    JapaneseEra era = japanese.getEra();
    int year = japanese.get(ChronoField.YEAR_OF_ERA);
    return era.getDisplayName(TextStyle.FULL, Locale.JAPAN) + (year == 1 ? "元" : String.valueOf(year));
  }
}
