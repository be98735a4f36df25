package jp.madoguchi.tenant;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.List;
import java.util.Map;

import jp.madoguchi.staff.StaffGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The task lists a clerk sees in Tasklist. Each lists only the tasks of the clerk's own tenant. The
 * department queue comes first (Tasklist opens the filter with the lowest priority); every card
 * shows the application number, the applicant, the address or subject (besides Tasklist's own due
 * date and priority). Filters of an earlier version are brought up to date at start.
 */
@Component
class TasklistFilters {

  static final String MY_TASKS = "自分の担当 (My tasks)";
  static final String DEPARTMENT_TASKS = "部署の未処理 (Department queue)";
  static final String ALL_TASKS = "すべてのタスク (All tasks)";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final StaffAuthorizations staffAuthorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
      StaffAuthorizations staffAuthorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.staffAuthorizations = staffAuthorizations;
  }

  /**
   * What a task card shows besides the task, the procedure, the due date and the priority: process
   * variables, which Tasklist finds through the task's process instance. A department reads them by its
   * grant on the procedure (READ_INSTANCE_VARIABLE); nobody else sees the task at all.
   */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "applicationNumber", "label", "受付番号"),
      Map.of("name", "applicantName", "label", "申請者"),
      Map.of("name", "cardSubject", "label", "住所・件名"));

  void ensure() {
    ensureForEveryone(DEPARTMENT_TASKS, 10, "#2da44e",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
    ensureForEveryone(MY_TASKS, 20, "#1f6feb", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    Filter all = ensure(ALL_TASKS, 30, "#8250df", tasks.createTaskQuery());
    staffAuthorizations.grantGroupRead(StaffGroups.TENANT_ADMIN, Resources.FILTER, all.getId());
  }

  private void ensureForEveryone(String name, int priority, String color, TaskQuery query) {
    Filter filter = ensure(name, priority, color, query);
    boolean readable = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
    if (!readable) {
      Authorization everyone = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId(filter.getId());
      everyone.addPermission(Permissions.READ);
      authorizations.saveAuthorization(everyone);
    }
  }

  private Filter ensure(String name, int priority, String color, TaskQuery query) {
    Map<String, Object> properties = Map.of("priority", priority, "color", color, "refresh", true,
        "variables", CARD_VARIABLES);
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return properties.equals(existing.getProperties()) ? existing : filters.saveFilter(existing.setProperties(properties));
    }
    return filters.saveFilter(filters.newTaskFilter(name).setQuery(query).setProperties(properties));
  }
}
