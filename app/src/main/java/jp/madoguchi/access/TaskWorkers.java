package jp.madoguchi.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.staff.StaffGroups;
import jp.madoguchi.staff.StaffRoles;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who may claim and complete a task, checked in the engine whatever the client. Grants are per
 * procedure ({@link DepartmentAuthorizations}), so every department of a procedure could otherwise
 * work on every one of its tasks, and a clerk could decide a chief's 決裁: a person works on a task
 * only as a member of one of its candidate groups (or as its candidate user, or as the tenant
 * admin), and a chief's task (a candidate group {@code <department>-chief}) is never decided by
 * someone who completed a task of the same application that was not a chief's. Work the app does itself (no
 * authenticated user) is not checked.
 */
class TaskWorkers implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Authentication actor = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (actor == null || actor.getUserId() == null) {
      return;
    }
    boolean completing = EVENTNAME_COMPLETE.equals(task.getEventName());
    if (!completing && !actor.getUserId().equals(task.getAssignee())) {
      return; // handing a task to a colleague: the colleague is checked when they complete it
    }
    Set<String> candidateGroups = task.getCandidates().stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null).collect(Collectors.toSet());
    if (!isCandidate(task, actor, candidateGroups)) {
      throw new AuthorizationException("このタスクは担当グループ（" + String.join(", ", candidateGroups.stream().sorted().toList())
          + "）の職員だけが処理できます (only members of the task's candidate groups may work on it)");
    }
    if (candidateGroups.stream().anyMatch(group -> group.endsWith(StaffRoles.CHIEF_SUFFIX))
        && completedAnotherTask(task, actor.getUserId())) {
      throw new AuthorizationException("この申請の別の手順を処理した職員は、決裁できません。別の職員が決裁してください "
          + "(whoever completed another step of this application may not decide the chief's approval)");
    }
  }

  private static boolean isCandidate(DelegateTask task, Authentication actor, Set<String> candidateGroups) {
    List<String> groups = actor.getGroupIds() == null ? List.of() : actor.getGroupIds();
    if (groups.contains(StaffGroups.TENANT_ADMIN) || candidateGroups.stream().anyMatch(groups::contains)) {
      return true;
    }
    boolean candidateUser = task.getCandidates().stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && actor.getUserId().equals(link.getUserId()));
    return candidateUser || candidateGroups.isEmpty() && task.getCandidates().isEmpty();
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
