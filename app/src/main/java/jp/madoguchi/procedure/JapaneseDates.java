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
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates as Japanese municipalities write them: 和暦 (令和8年12月10日), the first year of an era as 元年,
 * with the weekday where a person plans by it (令和8年12月10日（木）).
 */
public final class JapaneseDates {

  /** Names looked up once: each lookup goes through the locale's providers. */
  private static final Map<JapaneseEra, String> ERA_NAMES = new ConcurrentHashMap<>();
  private static final String[] WEEKDAYS = Arrays.stream(DayOfWeek.values())
      .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.JAPAN)).toArray(String[]::new);

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
    return wareki(time.toLocalDate()) + " " + time.getHour() + "時" + twoDigits(time.getMinute()) + "分";
  }

  /** 令和8年12月10日（木）9時30分 */
  public static String warekiWithWeekdayAndTime(LocalDateTime time) {
    return warekiWithWeekday(time.toLocalDate()) + time.getHour() + "時" + twoDigits(time.getMinute()) + "分";
  }

  /** 令和8年4月 */
  public static String warekiMonth(YearMonth month) {
    return eraYear(month.atDay(1)) + "年" + month.getMonthValue() + "月";
  }

  /** 月, 火 … */
  public static String weekday(DayOfWeek day) {
    return WEEKDAYS[day.ordinal()];
  }

  private static String eraYear(LocalDate date) {
    JapaneseDate japanese = JapaneseDate.from(date);
    String era = ERA_NAMES.computeIfAbsent(japanese.getEra(), e -> e.getDisplayName(TextStyle.FULL, Locale.JAPAN));
    // getLong: get() first builds the field's valid range from an imperial calendar, for every date
    long year = japanese.getLong(ChronoField.YEAR_OF_ERA);
    return era + (year == 1 ? "元" : String.valueOf(year));
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : String.valueOf(value);
  }
}
