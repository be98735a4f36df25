package jp.madoguchi.export;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.export.KnownInstances.Known;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.NativeHistoricTaskInstanceQuery;
import org.springframework.stereotype.Component;

/**
 * The tasks of a batch of applications from the engine's history, one native query for the batch
 * (the typed query takes one process instance at a time).
 */
@Component
class BatchTasks {

  private static final String TASKS_TABLE = "ACT_HI_TASKINST";
  private static final String IDENTITY_LINKS_TABLE = "ACT_HI_IDENTITYLINK";

  private final HistoryService history;
  private final ManagementService management;

  BatchTasks(HistoryService history, ManagementService management) {
    this.history = history;
    this.management = management;
  }

  /** Process instance → its tasks by start, then end time (as the typed query ordered them). */
  Map<String, List<HistoricTaskInstance>> byInstance(String tenantId, List<Known> batch) {
    return query(tenantId, batch, select(batch, null) + " ORDER BY T.START_TIME_, T.END_TIME_", Map.of()).list()
        .stream().collect(Collectors.groupingBy(HistoricTaskInstance::getProcessInstanceId));
  }

  /** The ids of the batch's tasks that had {@code group} as a candidate group. */
  Set<String> withCandidateGroup(String tenantId, List<Known> batch, String group) {
    return ids(query(tenantId, batch, select(batch, "AND L.GROUP_ID_ = #{group}"), Map.of("group", group)));
  }

  /** The ids of the batch's tasks that had a candidate group other than {@code groups}. */
  Set<String> withCandidateGroupOtherThan(String tenantId, List<Known> batch, Collection<String> groups) {
    Map<String, Object> parameters = new HashMap<>();
    groups.forEach(group -> parameters.put("g" + parameters.size(), group));
    return ids(query(tenantId, batch, select(batch, groups.isEmpty() ? ""
        : "AND L.GROUP_ID_ NOT IN (" + BatchParameters.placeholders("g", groups.size()) + ")"), parameters));
  }

  private static Set<String> ids(NativeHistoricTaskInstanceQuery query) {
    return query.list().stream().map(HistoricTaskInstance::getId).collect(Collectors.toCollection(HashSet::new));
  }

  private NativeHistoricTaskInstanceQuery query(String tenantId, List<Known> batch, String sql,
      Map<String, Object> parameters) {
    NativeHistoricTaskInstanceQuery query = BatchParameters.bound(history.createNativeHistoricTaskInstanceQuery().sql(sql)
        .parameter("tenantId", tenantId), batch);
    parameters.forEach(query::parameter);
    return query;
  }

  /**
   * The batch's tasks ({@code #{tenantId}}, {@code #{p0}}…); unless {@code linkCondition} is null, only
   * those with a candidate group's link (alias L, added or deleted) that meets it as well.
   */
  private String select(List<Known> batch, String linkCondition) {
    String tasks = management.getTableName(HistoricTaskInstance.class);
    StringBuilder sql = new StringBuilder("SELECT T.* FROM ").append(tasks)
        .append(" T WHERE T.TENANT_ID_ = #{tenantId} AND ").append(BatchParameters.instanceIn("T.PROC_INST_ID_", batch));
    if (linkCondition != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM ").append(identityLinks(tasks))
          .append(" L WHERE L.TASK_ID_ = T.ID_ AND L.TYPE_ = 'candidate' AND L.GROUP_ID_ IS NOT NULL ")
          .append(linkCondition).append(')');
    }
    return sql.toString();
  }

  /** The engine names the tables of its public types only; the identity link log's has the same prefix. */
  private static String identityLinks(String tasksTable) {
    return tasksTable.substring(0, tasksTable.length() - TASKS_TABLE.length()) + IDENTITY_LINKS_TABLE;
  }
}
