package jp.madoguchi.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.export.KnownInstances.Known;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The candidate groups of a batch's tasks as the identity link log holds them: each group once, in
 * the order it was first linked. The log has no query for many tasks, so the batch's tasks are asked
 * once per group this export has seen, and once for any other group. A task with exactly one of the
 * seen groups gets it from these; a task with several (their order is in the log only) or with a
 * group not seen yet is looked up in the log alone, and its groups are seen from then on. One group
 * per task (every procedure's user tasks have one) costs a few queries a batch.
 */
final class CandidateGroups {

  private final BatchTasks tasks;
  private final HistoryService history;
  private final String tenantId;
  private final Set<String> seen = new LinkedHashSet<>();

  CandidateGroups(BatchTasks tasks, HistoryService history, String tenantId) {
    this.tasks = tasks;
    this.history = history;
    this.tenantId = tenantId;
  }

  /** Task id → its candidate groups; tasks without any are left out. */
  Map<String, List<String>> of(List<Known> batch) {
    Map<String, List<String>> groups = new HashMap<>();
    for (String group : seen) {
      tasks.withCandidateGroup(tenantId, batch, group)
          .forEach(taskId -> groups.computeIfAbsent(taskId, id -> new ArrayList<>()).add(group));
    }
    Set<String> lookUp = tasks.withCandidateGroupOtherThan(tenantId, batch, seen);
    groups.forEach((taskId, found) -> {
      if (found.size() > 1) {
        lookUp.add(taskId);
      }
    });
    for (String taskId : lookUp) {
      List<String> logged = logged(taskId);
      groups.put(taskId, logged);
      seen.addAll(logged);
    }
    return groups;
  }

  private List<String> logged(String taskId) {
    return history.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE).orderByTime()
        .asc().list().stream().filter(link -> link.getGroupId() != null).map(HistoricIdentityLinkLog::getGroupId)
        .distinct().toList();
  }
}
