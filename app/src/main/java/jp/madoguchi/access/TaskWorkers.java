package jp.madoguchi.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.staff.StaffGroups;
import jp.madoguchi.staff.StaffRoles;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who may claim and complete a task, checked in the engine whatever the client. Grants are per
 * procedure ({@link DepartmentAuthorizations}), so every department of a procedure could otherwise
 * work on every one of its tasks, and a clerk could decide a chief's 決裁: a person works on a task
 * only as a member of one of its candidate groups (or as its candidate user, or as the tenant
 * admin), and a chief's task (a candidate group {@code <department>-chief}) is never decided by
 * someone who completed a task of the same application that was not a chief's. Whoever hands a task to
 * someone else or releases it must be able to work on it, and the new assignee too. Work the app does
 * itself (no authenticated user) is not checked.
 */
class TaskWorkers implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    Authentication actor = identity.getCurrentAuthentication();
    if (actor == null || actor.getUserId() == null) {
      return;
    }
    Set<String> candidateGroups = task.getCandidates().stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null).collect(Collectors.toSet());
    List<String> actorsGroups = actor.getGroupIds() == null ? List.of() : actor.getGroupIds();
    if (!isCandidate(task, actor.getUserId(), actorsGroups, candidateGroups)) {
      throw new AuthorizationException("このタスクは担当グループ（" + sorted(candidateGroups)
          + "）の職員だけが処理できます (only members of the task's candidate groups may work on it)");
    }
    boolean completing = EVENTNAME_COMPLETE.equals(task.getEventName());
    if (!completing && !actor.getUserId().equals(task.getAssignee())) {
      // released, or handed to a colleague: the colleague must be one who may work on it, or the task
      // would leave the department's queue for someone who can neither complete nor release it
      if (task.getAssignee() != null && !isColleagueFor(task, identity, candidateGroups)) {
        throw new AuthorizationException("このタスクを渡せるのは、担当グループ（" + sorted(candidateGroups)
            + "）の職員だけです (a task can be handed only to a staff member of its candidate groups)");
      }
      return;
    }
    if (candidateGroups.stream().anyMatch(group -> group.endsWith(StaffRoles.CHIEF_SUFFIX))
        && completedAnotherTask(task, actor.getUserId())) {
      throw new AuthorizationException("この申請の別の手順を処理した職員は、決裁できません。別の職員が決裁してください "
          + "(whoever completed another step of this application may not decide the chief's approval)");
    }
  }

  private static boolean isCandidate(DelegateTask task, String userId, List<String> groups, Set<String> candidateGroups) {
    if (groups.contains(StaffGroups.TENANT_ADMIN) || candidateGroups.stream().anyMatch(groups::contains)) {
      return true;
    }
    boolean candidateUser = task.getCandidates().stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId()));
    return candidateUser || candidateGroups.isEmpty() && task.getCandidates().isEmpty();
  }

  /**
   * Whether the new assignee is a staff member of the task's municipality who may work on it. Read without
   * the actor's authorizations, which let a clerk see no other staff member.
   */
  private static boolean isColleagueFor(DelegateTask task, IdentityService identity, Set<String> candidateGroups) {
    String assignee = task.getAssignee();
    Authentication actor = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      UserQuery user = identity.createUserQuery().userId(assignee);
      if (task.getTenantId() != null) {
        user.memberOfTenant(task.getTenantId());
      }
      if (user.count() == 0) {
        return false;
      }
      List<String> groups = identity.createGroupQuery().groupMember(assignee).list().stream().map(Group::getId).toList();
      return isCandidate(task, assignee, groups, candidateGroups);
    } finally {
      identity.setAuthentication(actor);
    }
  }

  private static String sorted(Set<String> groups) {
    return String.join(", ", groups.stream().sorted().toList());
  }

  /** Whether the person completed a task of the application that was not a chief's (the review a chief decides on). */
  private static boolean completedAnotherTask(DelegateTask task, String userId) {
    HistoryService history = task.getProcessEngineServices().getHistoryService();
    for (HistoricTaskInstance earlier : history.createHistoricTaskInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).finished().list()) {
      if (!isChiefs(history, earlier) && history.createUserOperationLogQuery().taskId(earlier.getId()).userId(userId)
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count() > 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isChiefs(HistoryService history, HistoricTaskInstance task) {
    return history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).type(IdentityLinkType.CANDIDATE).list()
        .stream().anyMatch(link -> link.getGroupId() != null && link.getGroupId().endsWith(StaffRoles.CHIEF_SUFFIX));
  }
}
