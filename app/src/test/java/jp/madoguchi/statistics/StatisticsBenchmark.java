package jp.madoguchi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.benchmark.BenchmarkFolders;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's queries at 1,000,000 historic applications (900,000 of tenant demo over three
 * years, 100,000 of kita), made by {@link StatisticsDataGenerator}: each query and the whole
 * endpoint for a year and for 30 days, with the statistics indexes (after) and without them, dropped
 * inside a transaction that is rolled back (before). Figures are medians of repeated runs.
 * Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=StatisticsBenchmark} ({@code -Dbenchmark.applications=}
 * for another size).
 */
@Tag("benchmark")
class StatisticsBenchmark {

  private static final int APPLICATIONS = Integer.getInteger("benchmark.applications", 1_000_000);
  private static final int RUNS = 5;
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final String[] INDEXES = {"application_statistics_idx", "madoguchi_hi_procinst_stats",
      "madoguchi_hi_actinst_stats", "payment_paid_idx"};

  @Test
  void dashboardOfAYearAtAMillionApplications() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MadoguchiApplication.class).run(
        "--server.port=0", "--madoguchi.embedded-db.data-dir=" + BenchmarkFolders.create("madoguchi-stats-bench-"),
        "--madoguchi.tenants-seed=classpath:seed/test-tenants.yaml", "--camunda.bpm.job-execution.enabled=false",
        "--madoguchi.line.workers-enabled=false", "--logging.level.root=WARN")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
      LocalDateTime now = LocalDateTime.now(JST);
      LocalDate today = now.toLocalDate();
      Map<String, String> definitions = StatisticsDataGenerator.sharedDefinitions(app.getBean(RepositoryService.class));

      long loading = System.nanoTime();
      var generator = new StatisticsDataGenerator(jdbc, transaction);
      generator.generate("demo", APPLICATIONS * 9 / 10, today.minusYears(3), 3 * 365, now, definitions, 0.42);
      generator.generate("kita", APPLICATIONS / 10, today.minusYears(3), 3 * 365, now, definitions, 0.24);
      System.out.printf("BENCHMARK statistics data: %,d applications, %,d activity instances, %,d open tasks, "
          + "%,d payments loaded in %.0f s%n", count(jdbc, "application"), count(jdbc, "act_hi_actinst"),
          count(jdbc, "act_ru_task"), count(jdbc, "payment"), (System.nanoTime() - loading) / 1e9);

      StatisticsPeriod year = new StatisticsPeriod(today.minusDays(364), today);
      StatisticsPeriod month = new StatisticsPeriod(today.minusDays(29), today);
      Queries queries = new Queries(app);
      queries.measure(year).forEach((name, ms) -> print("after", "year", name, ms));
      queries.measure(month).forEach((name, ms) -> print("after", "30 days", name, ms));
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      print("after", "year", "whole endpoint, HTTP JSON", endpoint(base, year, "application/json"));
      print("after", "year", "whole endpoint, HTTP CSV of every table", endpoint(base, year, "text/csv"));
      print("after", "30 days", "whole endpoint, HTTP JSON", endpoint(base, month, "application/json"));

      transaction.executeWithoutResult(status -> {
        Arrays.stream(INDEXES).forEach(index -> jdbc.execute("DROP INDEX " + index));
        queries.measure(year).forEach((name, ms) -> print("before", "year", name, ms));
        status.setRollbackOnly();
      });

      JsonNode body = new ObjectMapper().readTree(get(base, year, "application/json").body());
      long total = 0;
      for (JsonNode day : body.get("applicationsByDay")) {
        total += day.get("total").asLong();
      }
      assertThat(total).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM application WHERE tenant_id = 'demo' "
          + "AND submitted_at >= ?", Long.class, java.sql.Timestamp.from(year.startInstant())));
      System.out.printf("BENCHMARK statistics: the year holds %,d of demo's applications%n", total);
    }
  }

  /** Each query of the dashboard, and the whole computation, as the endpoint runs them. */
  private static final class Queries {

    private final ApplicationCounts applications;
    private final ProcessHistoryQueries history;
    private final ProcessOutcomes outcomes;
    private final ResidentStatusMaps maps;
    private final OverdueTasks tasks;
    private final LineFollowerCounts line;
    private final PaymentTotals payments;
    private final StatisticsService service;

    Queries(ConfigurableApplicationContext app) {
      applications = app.getBean(ApplicationCounts.class);
      history = app.getBean(ProcessHistoryQueries.class);
      outcomes = app.getBean(ProcessOutcomes.class);
      maps = app.getBean(ResidentStatusMaps.class);
      tasks = app.getBean(OverdueTasks.class);
      line = app.getBean(LineFollowerCounts.class);
      payments = app.getBean(PaymentTotals.class);
      service = app.getBean(StatisticsService.class);
    }

    Map<String, Double> measure(StatisticsPeriod period) {
      Map<String, Double> times = new LinkedHashMap<>();
      var ends = history.ends("demo", period);
      Set<String> marks = new java.util.HashSet<>();
      Set<String> returns = new java.util.HashSet<>();
      ends.forEach(group -> maps.of(group.definitionId()).statuses().forEach((activity, status) -> {
        marks.add(ProcessHistoryQueries.pair(group.definitionId(), activity));
        if (status.equals("差戻し中")) {
          returns.add(ProcessHistoryQueries.pair(group.definitionId(), activity));
        }
      }));
      times.put("applications per day, procedure and channel", median(() -> applications.query("demo", period)));
      times.put("instances by end event", median(() -> history.ends("demo", period)));
      times.put("last status of the open instances (history)",
          median(() -> history.lastMarks("demo", period, marks, Set.of())));
      times.put("instances returned for correction (差戻し)", median(() -> history.reached("demo", period, returns)));
      times.put("status distribution and rates (the three above)", median(() -> outcomes.compute("demo", period)));
      times.put("processing time percentiles", median(() -> history.processingTimes("demo", period)));
      times.put("open and overdue tasks per department", median(() -> tasks.query("demo")));
      times.put("LINE follows and blocks", median(() -> line.query("demo", period)));
      times.put("online payments", median(() -> payments.query("demo", period)));
      times.put("whole statistics (service)", median(() -> service.compute("demo", period)));
      return times;
    }
  }

  private static double endpoint(String base, StatisticsPeriod period, String accept) {
    return median(() -> {
      HttpResponse<String> response = get(base, period, accept);
      assertThat(response.statusCode()).isEqualTo(200);
      return response;
    });
  }

  private static HttpResponse<String> get(String base, StatisticsPeriod period, String accept) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/demo/admin/statistics?from="
            + period.from() + "&to=" + period.to()))
        .header("Authorization", StatisticsApiTests.basic("demo-admin:Madoguchi-Admin-2026!"))
        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Median milliseconds of {@value #RUNS} runs after one warm-up run. */
  private static double median(Callable<?> work) {
    try {
      work.call();
      double[] times = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        work.call();
        times[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(times);
      return times[RUNS / 2];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void print(String indexes, String period, String name, double ms) {
    System.out.printf("BENCHMARK statistics %-6s %-7s %-52s %8.1f ms%n", indexes, period, name, ms);
  }

  private static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
