package jp.madoguchi.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jp.madoguchi.statistics.Statistics.Channels;
import jp.madoguchi.statistics.Statistics.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Applications submitted per day, procedure and channel, from the application rows (index-only). */
@Repository
class ApplicationCounts {

  private final JdbcTemplate jdbc;

  ApplicationCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Count(LocalDate day, String procedureKey, boolean online, long count) {
  }

  List<Count> query(String tenantId, StatisticsPeriod period) {
    return jdbc.query("""
        SELECT (submitted_at AT TIME ZONE 'Asia/Tokyo')::date AS day, procedure_key, channel, count(*) AS n
        FROM application
        WHERE tenant_id = ? AND submitted_at >= ? AND submitted_at < ?
        GROUP BY 1, 2, 3""",
        (rs, row) -> new Count(rs.getObject("day", LocalDate.class), rs.getString("procedure_key"),
            "ONLINE".equals(rs.getString("channel")), rs.getLong("n")),
        tenantId, Timestamp.from(period.startInstant()), Timestamp.from(period.endInstant()));
  }

  /** Every day of the period, days without applications included (a chart's x axis, a spreadsheet's rows). */
  static List<Period<LocalDate>> byDay(List<Count> counts, StatisticsPeriod period) {
    List<LocalDate> days = period.from().datesUntil(period.to().plusDays(1)).toList();
    return group(counts, Count::day, days);
  }

  static List<Period<YearMonth>> byMonth(List<Count> counts, StatisticsPeriod period) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to()));
        month = month.plusMonths(1)) {
      months.add(month);
    }
    return group(counts, count -> YearMonth.from(count.day()), months);
  }

  static List<Channels> byProcedure(List<Count> counts) {
    Map<String, long[]> channels = new TreeMap<>();
    for (Count count : counts) {
      channels.computeIfAbsent(count.procedureKey(), key -> new long[2])[count.online() ? 0 : 1] += count.count();
    }
    List<Channels> result = new ArrayList<>();
    channels.forEach((key, pair) -> result.add(new Channels(key, pair[0], pair[1])));
    return result;
  }

  private static <T> List<Period<T>> group(List<Count> counts, Function<Count, T> periodOf, List<T> slots) {
    Map<T, Map<String, Long>> byProcedure = new LinkedHashMap<>();
    Map<T, long[]> byChannel = new LinkedHashMap<>();
    for (Count count : counts) {
      T slot = periodOf.apply(count);
      byProcedure.computeIfAbsent(slot, key -> new TreeMap<>()).merge(count.procedureKey(), count.count(), Long::sum);
      byChannel.computeIfAbsent(slot, key -> new long[2])[count.online() ? 0 : 1] += count.count();
    }
    List<Period<T>> result = new ArrayList<>(slots.size());
    for (T slot : slots) {
      long[] channel = byChannel.getOrDefault(slot, new long[2]);
      result.add(new Period<>(slot, byProcedure.getOrDefault(slot, Map.of()), channel[0], channel[1],
          channel[0] + channel[1]));
    }
    return result;
  }
}
