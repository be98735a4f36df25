package jp.madoguchi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The app's database sessions are planned for short requests (cheap index probes, no parallel
 * workers: what keeps a clerk's Tasklist queue from reading every tenant's tasks); the statistics,
 * aggregates over a year, get their parallel workers back for their own transaction only.
 */
class StatisticsPlannerSettingsTests extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired StatisticsService statistics;

  @Test
  void shouldPlanRequestsWithoutParallelWorkersAndTheStatisticsWithThem() {
    assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("1.1");
    assertThat(jdbc.queryForObject("SHOW max_parallel_workers_per_gather", String.class)).isEqualTo("0");

    String duringStatistics = transaction.execute(status -> {
      statistics.compute("demo", new StatisticsPeriod(LocalDate.now().minusDays(30), LocalDate.now()));
      return jdbc.queryForObject("SHOW max_parallel_workers_per_gather", String.class);
    });

    String afterwards = transaction.execute(status -> jdbc.queryForObject("SHOW max_parallel_workers_per_gather",
        String.class));
    assertThat(duringStatistics).isEqualTo("2");
    assertThat(afterwards).as("only for the statistics' own transaction").isEqualTo("0");
  }
}
