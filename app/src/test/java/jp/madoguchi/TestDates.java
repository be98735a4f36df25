package jp.madoguchi;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Days counted from today in Japan. Forms refuse a collection or repair day already past
 * (form-js {@code disallowPassedDates}), so a test that files one cannot use a fixed date.
 */
public final class TestDates {

  public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)
      .withChronology(JapaneseChronology.INSTANCE);

  private TestDates() {
  }

  /** {@code YYYY-MM-DD}, the given number of days after today in Japan. */
  public static String daysAhead(int days) {
    return LocalDate.now(JST).plusDays(days).toString();
  }

  /** {@code YYYY-MM-DD}, the given number of days before today in Japan. */
  public static String daysAgo(int days) {
    return LocalDate.now(JST).minusDays(days).toString();
  }

  /** A {@code YYYY-MM-DD} date as a person types it into a date picker: {@code yyyy/MM/dd}. */
  public static String typed(String isoDate) {
    return LocalDate.parse(isoDate).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
  }

  /** A {@code YYYY-MM-DD} date in the Japanese calendar, e.g. 令和8年12月10日. */
  public static String wareki(String isoDate) {
    return LocalDate.parse(isoDate).format(WAREKI);
  }

  /** The day of the week of a {@code YYYY-MM-DD} date in one character, e.g. 木. */
  public static String weekday(String isoDate) {
    return LocalDate.parse(isoDate).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPAN);
  }
}
