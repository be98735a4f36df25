package jp.madoguchi.procedure;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Date arithmetic for BPMN timers, in Japan Standard Time, e.g.
 * {@code <timeDate>${jst.dayBefore(collectionDate, 9)}</timeDate>}.
 */
@Component("jst")
public class JstCalendar {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  /** {@code hour}:00 JST on the day before {@code date} (YYYY-MM-DD). */
  public Date dayBefore(String date, int hour) {
    return Date.from(LocalDate.parse(date).minusDays(1).atTime(LocalTime.of(hour, 0)).atZone(JST).toInstant());
  }
}
