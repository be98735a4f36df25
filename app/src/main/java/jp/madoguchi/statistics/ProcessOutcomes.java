package jp.madoguchi.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jp.madoguchi.statistics.ProcessHistoryQueries.EndGroup;
import jp.madoguchi.statistics.ProcessHistoryQueries.LastMark;
import jp.madoguchi.statistics.Statistics.Outcomes;
import jp.madoguchi.statistics.Statistics.StatusCount;
import org.springframework.stereotype.Service;

/**
 * The resident status of every application submitted in a period (open ones: where they stand
 * now; finished ones: how they ended), and from it the rates of 差戻し and 取下げ per procedure.
 */
@Service
class ProcessOutcomes {

  /** Shown for instances that have not reached any element marked with a resident status. */
  static final String NO_STATUS = "（状況なし）";

  private final ProcessHistoryQueries queries;
  private final ResidentStatusMaps maps;
  private final StatisticsProperties properties;

  ProcessOutcomes(ProcessHistoryQueries queries, ResidentStatusMaps maps, StatisticsProperties properties) {
    this.queries = queries;
    this.maps = maps;
    this.properties = properties;
  }

  record Result(List<StatusCount> statuses, List<Outcomes> outcomes) {
  }

  private record StatusKey(String procedureKey, String status, boolean open) {
  }

  Result compute(String tenantId, StatisticsPeriod period) {
    List<EndGroup> ends = queries.ends(tenantId, period);
    Map<StatusKey, Long> counts = new TreeMap<>(Comparator.comparing(StatusKey::procedureKey)
        .thenComparing(StatusKey::open).thenComparing(StatusKey::status));
    Map<String, Long> applications = new TreeMap<>();
    Set<String> historyEnds = new LinkedHashSet<>();
    boolean anyOpen = false;
    for (EndGroup group : ends) {
      applications.merge(group.procedureKey(), group.count(), Long::sum);
      if (group.open()) {
        anyOpen = true;
        continue;
      }
      Optional<String> settled = maps.of(group.definitionId()).settledStatus(group.endActivityId());
      if (settled.isPresent()) {
        counts.merge(new StatusKey(group.procedureKey(), settled.get(), false), group.count(), Long::sum);
      } else {
        historyEnds.add(ProcessHistoryQueries.pair(group.definitionId(), group.endActivityId()));
      }
    }
    Set<String> definitions = new HashSet<>(ends.stream().map(EndGroup::definitionId).toList());
    if (anyOpen || !historyEnds.isEmpty()) {
      for (LastMark mark : queries.lastMarks(tenantId, period, marks(definitions, null), historyEnds)) {
        String status = mark.definitionId() == null ? NO_STATUS
            : maps.of(mark.definitionId()).statuses().get(mark.activityId());
        counts.merge(new StatusKey(mark.procedureKey(), status, mark.open()), mark.count(), Long::sum);
      }
    }
    Map<String, Long> returned = queries.reached(tenantId, period, marks(definitions, properties.returnedStatus()));
    List<StatusCount> statuses = new ArrayList<>();
    Map<String, Long> withdrawn = new TreeMap<>();
    counts.forEach((key, count) -> {
      statuses.add(new StatusCount(key.procedureKey(), key.status(), key.open(), count));
      if (!key.open() && key.status().equals(properties.withdrawnStatus())) {
        withdrawn.merge(key.procedureKey(), count, Long::sum);
      }
    });
    List<Outcomes> outcomes = new ArrayList<>();
    applications.forEach((key, count) -> outcomes.add(
        new Outcomes(key, count, returned.getOrDefault(key, 0L), withdrawn.getOrDefault(key, 0L))));
    return new Result(statuses, outcomes);
  }

  /** "definitionId activityId" of the elements marked with this status (any status when null). */
  private Set<String> marks(Set<String> definitions, String status) {
    Set<String> pairs = new LinkedHashSet<>();
    for (String definition : definitions) {
      maps.of(definition).statuses().forEach((activity, marked) -> {
        if (status == null || status.equals(marked)) {
          pairs.add(ProcessHistoryQueries.pair(definition, activity));
        }
      });
    }
    return pairs;
  }
}
