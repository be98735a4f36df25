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

    assertThat(jst.monthLabel("2027-01")).isEqualTo("2027年1月");
    assertThat(jst.monthLabel("2026-12")).isEqualTo("2026年12月");
  }
}
