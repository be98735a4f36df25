package jp.madoguchi.statistics;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.statistics.Statistics.ProcessingTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the engine history says about the process instances (= applications) a tenant started in a
 * period. Engine timestamps are JST wall-clock time. The covering index on (tenant, start) lets the
 * first three queries read the index alone; the history of single instances is read only for the
 * open ones and where an end event does not tell the status.
 */
@Repository
class ProcessHistoryQueries {

  private final JdbcTemplate jdbc;

  ProcessHistoryQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Instances by definition and end event; {@code endActivityId} is null and {@code open} true while running. */
  record EndGroup(String definitionId, String procedureKey, String endActivityId, boolean open, long count) {
  }

  /** Instances by the last marked element they reached; null when they reached none. */
  record LastMark(String procedureKey, String definitionId, String activityId, boolean open, long count) {
  }

  List<EndGroup> ends(String tenantId, StatisticsPeriod period) {
    return jdbc.query("""
        SELECT proc_def_id_, proc_def_key_, end_act_id_, duration_ IS NULL AS open, count(*) AS n
        FROM act_hi_procinst
        WHERE tenant_id_ = ? AND start_time_ >= ? AND start_time_ < ?
        GROUP BY 1, 2, 3, 4""",
        (rs, row) -> new EndGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5)),
        tenantId, period.startLocal(), period.endLocal());
  }

  /**
   * For the open instances and those that ended at one of {@code endPairs}: the last element
   * marked with a resident status they reached, the way the resident's timeline shows it.
   *
   * @param markPairs "definitionId activityId" of every marked element
   * @param endPairs "definitionId endActivityId" whose status only the history tells
   */
  List<LastMark> lastMarks(String tenantId, StatisticsPeriod period, Collection<String> markPairs,
      Collection<String> endPairs) {
    return jdbc.query("""
        SELECT p.proc_def_key_, s.proc_def_id_, s.act_id_, p.duration_ IS NULL AS open, count(*) AS n
        FROM act_hi_procinst p
        LEFT JOIN LATERAL (
          SELECT a.proc_def_id_, a.act_id_ FROM act_hi_actinst a
          WHERE a.proc_inst_id_ = p.proc_inst_id_ AND a.act_id_ = ANY (?) AND a.proc_def_id_ || ' ' || a.act_id_ = ANY (?)
          ORDER BY a.start_time_ DESC, a.sequence_counter_ DESC LIMIT 1) s ON true
        WHERE p.tenant_id_ = ? AND p.start_time_ >= ? AND p.start_time_ < ?
          AND (p.duration_ IS NULL OR p.proc_def_id_ || ' ' || coalesce(p.end_act_id_, '') = ANY (?))
        GROUP BY 1, 2, 3, 4""",
        (rs, row) -> new LastMark(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5)),
        activities(markPairs), markPairs.toArray(String[]::new), tenantId, period.startLocal(), period.endLocal(),
        endPairs.toArray(String[]::new));
  }

  /** Median and 90th percentile of start to end, per procedure, of the instances that have ended. */
  List<ProcessingTime> processingTimes(String tenantId, StatisticsPeriod period) {
    return jdbc.query("""
        SELECT proc_def_key_, count(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_) AS p90
        FROM act_hi_procinst
        WHERE tenant_id_ = ? AND start_time_ >= ? AND start_time_ < ? AND duration_ IS NOT NULL
        GROUP BY 1 ORDER BY 1""",
        (rs, row) -> new ProcessingTime(rs.getString(1), rs.getLong(2), Math.round(rs.getDouble(3) / 1000),
            Math.round(rs.getDouble(4) / 1000)),
        tenantId, period.startLocal(), period.endLocal());
  }

  /** Per procedure, how many instances started in the period reached one of these elements at least once. */
  Map<String, Long> reached(String tenantId, StatisticsPeriod period, Collection<String> pairs) {
    Map<String, Long> counts = new HashMap<>();
    if (pairs.isEmpty()) {
      return counts;
    }
    LocalDateTime start = period.startLocal();
    jdbc.query("""
        SELECT p.proc_def_key_, count(DISTINCT a.proc_inst_id_)
        FROM act_hi_actinst a JOIN act_hi_procinst p ON p.proc_inst_id_ = a.proc_inst_id_
        WHERE a.tenant_id_ = ? AND a.act_id_ = ANY (?) AND a.start_time_ >= ?
          AND a.proc_def_id_ || ' ' || a.act_id_ = ANY (?)
          AND p.start_time_ >= ? AND p.start_time_ < ?
        GROUP BY 1""",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        }, tenantId, activities(pairs), start, pairs.toArray(String[]::new), start, period.endLocal());
    return counts;
  }

  static String pair(String definitionId, String activityId) {
    return definitionId + " " + (activityId == null ? "" : activityId);
  }

  private static String[] activities(Collection<String> pairs) {
    return pairs.stream().map(pair -> pair.substring(pair.indexOf(' ') + 1)).distinct().toArray(String[]::new);
  }
}
