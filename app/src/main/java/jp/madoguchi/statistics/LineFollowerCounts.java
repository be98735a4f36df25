package jp.madoguchi.statistics;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.statistics.Statistics.LineDay;
import jp.madoguchi.statistics.Statistics.LineFollowers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Follows and blocks of the tenant's LINE account: per day from the counts kept when webhook
 * events arrive, and the residents known to follow or to have blocked it now.
 */
@Repository
class LineFollowerCounts {

  private final JdbcTemplate jdbc;

  LineFollowerCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  LineFollowers query(String tenantId, StatisticsPeriod period) {
    List<LineDay> days = jdbc.query("""
        SELECT day, follows, unfollows FROM line_follow_daily
        WHERE tenant_id = ? AND day BETWEEN ? AND ? ORDER BY day""",
        (rs, row) -> new LineDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)),
        tenantId, period.from(), period.to());
    return jdbc.queryForObject("""
        SELECT count(*) FILTER (WHERE followed), count(*) FILTER (WHERE NOT followed)
        FROM line_resident WHERE tenant_id = ?""",
        (rs, row) -> new LineFollowers(rs.getLong(1), rs.getLong(2), days), tenantId);
  }
}
