package jp.madoguchi.statistics;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import jp.madoguchi.procedure.ProcedureCatalog;
import jp.madoguchi.statistics.Statistics.Procedure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Puts a tenant's statistics together; every query names the tenant. */
@Service
class StatisticsService {

  private final ApplicationCounts applications;
  private final ProcessOutcomes outcomes;
  private final ProcessHistoryQueries history;
  private final OverdueTasks tasks;
  private final LineFollowerCounts line;
  private final PaymentTotals payments;
  private final ProcedureCatalog catalog;
  private final Clock clock;
  private final JdbcTemplate jdbc;

  StatisticsService(ApplicationCounts applications, ProcessOutcomes outcomes, ProcessHistoryQueries history,
      OverdueTasks tasks, LineFollowerCounts line, PaymentTotals payments, ProcedureCatalog catalog, Clock clock,
      JdbcTemplate jdbc) {
    this.applications = applications;
    this.outcomes = outcomes;
    this.history = history;
    this.tasks = tasks;
    this.line = line;
    this.payments = payments;
    this.catalog = catalog;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** One read-only snapshot, so that the tables agree with each other. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Statistics compute(String tenantId, StatisticsPeriod period) {
    // aggregates over a year of a large municipality: parallel workers help here (the app's sessions have none)
    jdbc.execute("SET LOCAL max_parallel_workers_per_gather = 2");
    List<ApplicationCounts.Count> counts = applications.query(tenantId, period);
    ProcessOutcomes.Result result = outcomes.compute(tenantId, period);
    var times = history.processingTimes(tenantId, period);
    var payments = this.payments.query(tenantId, period);
    var procedures = procedures(tenantId, Stream.of(
        counts.stream().map(ApplicationCounts.Count::procedureKey),
        result.outcomes().stream().map(Statistics.Outcomes::procedureKey),
        payments.stream().map(Statistics.Payments::procedureKey)).flatMap(keys -> keys).toList());
    return new Statistics(tenantId, period.from(), period.to(), OffsetDateTime.now(clock), procedures,
        ApplicationCounts.byDay(counts, period), ApplicationCounts.byMonth(counts, period),
        ApplicationCounts.byProcedure(counts), result.statuses(), times, result.outcomes(),
        tasks.query(tenantId), line.query(tenantId, period), payments);
  }

  /** The tenant's current procedures, and any other procedure its data mentions (e.g. one no longer offered). */
  private List<Procedure> procedures(String tenantId, List<String> keysInData) {
    Map<String, String> names = new TreeMap<>();
    catalog.forTenant(tenantId).forEach(procedure -> names.put(procedure.key(), procedure.name()));
    for (String key : new TreeSet<>(keysInData)) {
      names.putIfAbsent(key, key);
    }
    List<Procedure> procedures = new ArrayList<>();
    names.forEach((key, name) -> procedures.add(new Procedure(key, name)));
    return procedures;
  }
}
