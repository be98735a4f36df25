package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class JstCalendarTests {

  @Test
  void shouldCountDaysFromTodayInJapanEvenWhenItIsStillYesterdayInUtc() {
    // 01:00 on 27 November in Tokyo is 16:00 on 26 November in UTC
    JstCalendar jst = new JstCalendar(Clock.fixed(Instant.parse("2026-11-26T16:00:00Z"), ZoneOffset.UTC));

    assertThat(jst.daysLater(5, 17).toInstant()).isEqualTo(OffsetDateTime.parse("2026-12-02T17:00:00+09:00").toInstant());
  }

  @Test
  void shouldGiveTheDayBeforeAtTheHourInJapan() {
    JstCalendar jst = new JstCalendar(Clock.systemUTC());

    assertThat(jst.dayBefore("2026-12-10", 9).toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-12-09T09:00:00+09:00").toInstant());
  }

  @Test
  void shouldWriteAMonthAsResidentsReadIt() {
    JstCalendar jst = new JstCalendar(Clock.systemUTC());

    assertThat(jst.monthLabel("2027-01")).isEqualTo("令和9年1月");
    assertThat(jst.monthLabel("2026-12")).isEqualTo("令和8年12月");
  }

  @Test
  void shouldWriteADateIn和暦WithItsWeekday() {
    JstCalendar jst = new JstCalendar(Clock.systemUTC());

    assertThat(jst.date("2026-12-10")).isEqualTo("令和8年12月10日（木）");
    assertThat(jst.date("2019-05-01")).isEqualTo("令和元年5月1日（水）");
    assertThat(jst.date("2019-04-30")).isEqualTo("平成31年4月30日（火）");
    assertThat(jst.date(null)).isEmpty();
  }
}
