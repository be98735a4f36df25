package jp.madoguchi.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A tenant's usage statistics for a period: counts only, never a resident's data. Applications
 * are counted by the day they were submitted (JST); what became of them (status, processing
 * time, 差戻し, 取下げ) is told for the applications submitted in the period, as of now.
 */
record Statistics(String tenant, LocalDate from, LocalDate to, OffsetDateTime generatedAt,
    List<Procedure> procedures,
    List<Period<LocalDate>> applicationsByDay,
    List<Period<YearMonth>> applicationsByMonth,
    List<Channels> channels,
    List<StatusCount> statuses,
    List<ProcessingTime> processingTimes,
    List<Outcomes> returnsAndWithdrawals,
    List<DepartmentTasks> overdueTasks,
    LineFollowers lineFollowers,
    List<Payments> payments) {

  record Procedure(String key, String name) {
  }

  /** Applications submitted on one day or in one month: per procedure key, and by channel. */
  record Period<T>(T period, Map<String, Long> byProcedure, long online, long counter, long total) {
  }

  record Channels(String procedureKey, long online, long counter) {
  }

  /** @param open true while applications in this status are still being processed */
  record StatusCount(String procedureKey, String status, boolean open, long count) {
  }

  /** Submission to end of the finished applications, in seconds. */
  record ProcessingTime(String procedureKey, long finished, Long medianSeconds, Long p90Seconds) {
  }

  record Outcomes(String procedureKey, long applications, long returned, long withdrawn) {
  }

  /** Open user tasks of a department (candidate group) now, and how many are past their due date. */
  record DepartmentTasks(String department, String name, long open, long overdue) {
  }

  /** @param following friends now; @param blocked residents who blocked the account and have not come back */
  record LineFollowers(long following, long blocked, List<LineDay> days) {
  }

  record LineDay(LocalDate date, long follows, long unfollows) {
  }

  record Payments(YearMonth month, String procedureKey, long count, long amount) {
  }
}
