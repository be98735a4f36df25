package jp.madoguchi.statistics;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import jp.madoguchi.statistics.Statistics.DepartmentTasks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Open user tasks per department (candidate group) right now, and those past their due date. A
 * task offered to two departments counts for each; a task with no candidate group counts under
 * an empty department. A department's name is the municipality's own (table {@code department}),
 * else its group id.
 */
@Repository
class OverdueTasks {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  OverdueTasks(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<DepartmentTasks> query(String tenantId) {
    return jdbc.query("""
        SELECT coalesce(i.group_id_, '') AS department, coalesce(d.name, i.group_id_, '') AS name,
               count(*) AS open, count(*) FILTER (WHERE t.due_date_ < ?) AS overdue
        FROM act_ru_task t
        LEFT JOIN act_ru_identitylink i ON i.task_id_ = t.id_ AND i.type_ = 'candidate' AND i.group_id_ IS NOT NULL
        LEFT JOIN department d ON d.tenant_id = t.tenant_id_ AND d.group_id = i.group_id_
        WHERE t.tenant_id_ = ?
        GROUP BY 1, 2 ORDER BY 4 DESC, 3 DESC, 1""",
        (rs, row) -> new DepartmentTasks(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
        LocalDateTime.now(clock), tenantId);
  }
}
