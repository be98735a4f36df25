package jp.madoguchi.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a statistics request covers, both included, as dates in Japan. Application rows store
 * instants; the engine stores its timestamps as JST wall-clock time, hence both boundaries.
 */
record StatisticsPeriod(LocalDate from, LocalDate to) {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final int DEFAULT_DAYS = 30;

  /** Missing dates: the last 30 days up to today. */
  static StatisticsPeriod of(String from, String to, LocalDate today, int maxDays) {
    LocalDate end = to == null || to.isBlank() ? today : date(to, "to");
    LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date(from, "from");
    if (start.isAfter(end)) {
      throw new InvalidPeriodException("開始日が終了日より後になっています (from must not be after to)");
    }
    if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
      throw new InvalidPeriodException("期間は" + maxDays + "日以内で指定してください (the period may cover at most "
          + maxDays + " days)");
    }
    return new StatisticsPeriod(start, end);
  }

  private static LocalDate date(String text, String name) {
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidPeriodException("日付は 2026-04-01 の形式で指定してください (" + name + " must be a date like 2026-04-01)");
    }
    if (date.getYear() < 1970 || date.getYear() > 9999) {
      throw new InvalidPeriodException("日付は 1970 年から 9999 年の間で指定してください (" + name
          + " must lie between the years 1970 and 9999)");
    }
    return date;
  }

  Instant startInstant() {
    return from.atStartOfDay(JST).toInstant();
  }

  Instant endInstant() {
    return to.plusDays(1).atStartOfDay(JST).toInstant();
  }

  LocalDateTime startLocal() {
    return from.atStartOfDay();
  }

  LocalDateTime endLocal() {
    return to.plusDays(1).atStartOfDay();
  }

  static final class InvalidPeriodException extends RuntimeException {
    InvalidPeriodException(String message) {
      super(message);
    }
  }
}
