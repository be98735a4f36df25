package jp.madoguchi.procedure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;


/**
 * Date arithmetic for BPMN timers and due dates, in Japan Standard Time, e.g.
 * {@code <timeDate>${jst.dayBefore(collectionDate, 9)}</timeDate>} or
 * {@code camunda:dueDate="${jst.daysLater(5, 17)}"}, and dates as residents read them in LINE
 * messages: {@code ${jst.date(collectionDate)}} → 令和8年12月10日（木）.
 */
@ProcedureBuildingBlock("jst")
public class JstCalendar {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private final Clock clock;

  JstCalendar(Clock clock) {
    this.clock = clock;
  }

  /** {@code hour}:00 JST on the day before {@code date} (YYYY-MM-DD). */
  public Date dayBefore(String date, int hour) {
    return at(LocalDate.parse(date).minusDays(1), hour);
  }

  /** {@code hour}:00 JST, {@code days} calendar days after today (JST). */
  public Date daysLater(int days, int hour) {
    return at(LocalDate.now(clock.withZone(JST)).plusDays(days), hour);
  }

  /** "2026-04" as residents read it: "令和8年4月". */
  public String monthLabel(String yearMonth) {
    return JapaneseDates.warekiMonth(YearMonth.parse(yearMonth));
  }

  /** A date (YYYY-MM-DD, as forms store it) as residents read it: "令和8年12月10日（木）"; nothing for no date. */
  public String date(Object date) {
    if (date == null || date.toString().isBlank()) {
      return "";
    }
    return JapaneseDates.warekiWithWeekday(LocalDate.parse(date.toString().strip()));
  }

  private static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(LocalTime.of(hour, 0)).atZone(JST).toInstant());
  }
}
