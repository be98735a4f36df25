package jp.madoguchi.access;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Camunda's authorization checks, and after them what no signed-in person may do although a grant
 * (a department's CREATE_INSTANCE, TASK_ASSIGN or TASK_WORK, a tenant admin's RETRY_JOB) would let them:
 * <ul>
 * <li>start an application at a later step, or restart a finished one: the registration and its checks
 * run at the start event;</li>
 * <li>change a task's due date, priority, name, description or assignee by updating the task, its owner, or
 * its candidate groups and users: they are the procedure's, and the department queue and the overdue counts
 * follow them (the follow-up date, Tasklist's personal reminder, stays the clerk's);</li>
 * <li>delete a comment: comments are part of the application's record (nobody edits one either:
 * {@code encryption.CommentReveal}; deleting an instance's comment needs UPDATE on it, which no group
 * has);</li>
 * <li>change a job of no procedure (the history cleanup, batches): Camunda checks no permission on
 * those, and one change stops the retention of every municipality;</li>
 * <li>retry every failed job of a job definition: a shared procedure's job definition has the jobs of
 * every municipality.</li>
 * </ul>
 * Procedure code (delegates, listeners) runs with authorization checks off and is not limited.
 */
final class StaffLimits extends AuthorizationCommandChecker {

  private static final Set<String> PERSONAL_TASK_PROPERTIES = Set.of(TaskEntity.FOLLOW_UP_DATE);

  @Override
  public void checkCreateProcessInstance(ProcessDefinition processDefinition) {
    super.checkCreateProcessInstance(processDefinition);
    if (byPerson() && running(StartProcessInstanceAtActivitiesCmd.class)) {
      throw refused("申請は手続の最初から始まります。途中の手順からの開始や、終わった申請のやり直しはできません",
          "an application starts at its procedure's start event: starting at another step or restarting a finished "
              + "application is not allowed");
    }
  }

  @Override
  public void checkTaskAssign(TaskEntity task) {
    super.checkTaskAssign(task);
    if (!byPerson()) {
      return;
    }
    // claim, unclaim and assignee (AssignTaskCmd) stay open: access.TaskWorkers checks who gets the task
    if (running(AddUserIdentityLinkCmd.class) || running(AddGroupIdentityLinkCmd.class)
        || running(DeleteIdentityLinkCmd.class)) {
      throw refused("タスクの候補グループと候補者は手続が決めます。追加も削除もできません",
          "a task's candidate groups and users are the procedure's: they cannot be added or removed");
    }
    if (running(SetTaskOwnerCmd.class)) {
      throw refused("タスクの所有者 (owner) は変えられません。担当は claim か assignee で変えます",
          "a task's owner cannot be set: its assignee changes with claim or assignee");
    }
    if (running(SaveTaskCmd.class) && !PERSONAL_TASK_PROPERTIES.containsAll(task.getPropertyChanges().keySet())) {
      throw refused("タスクで変えられるのはフォローアップ日だけです。期限・優先度・名前・説明は手続が決め、担当は claim か "
          + "assignee で変えます", "only a task's follow-up date can be changed: its due date, priority, name and "
          + "description are the procedure's, and its assignee is changed with claim or assignee");
    }
  }

  @Override
  public void checkTaskWork(TaskEntity task) {
    super.checkTaskWork(task);
    if (byPerson() && running(DeleteTaskCommentCmd.class)) {
      throw refused("コメントは申請の記録の一部です。削除はできません",
          "comments are part of the application's record: they cannot be deleted");
    }
  }

  @Override
  public void checkUpdateJob(JobEntity job) {
    refuseEngineJob(job);
    super.checkUpdateJob(job);
  }

  @Override
  public void checkUpdateRetriesJob(JobEntity job) {
    refuseEngineJob(job);
    super.checkUpdateRetriesJob(job);
  }

  @Override
  public void checkUpdateRetriesProcessInstanceByProcessDefinitionId(String processDefinitionId) {
    super.checkUpdateRetriesProcessInstanceByProcessDefinitionId(processDefinitionId);
    if (byPerson()) {
      throw refused("ジョブ定義ごとの再試行は他の自治体のジョブにも及ぶため使えません。失敗したジョブごとに再試行してください",
          "retrying a whole job definition would reach other municipalities' jobs: retry each failed job "
              + "(PUT /job/{id}/retries)");
    }
  }

  private static void refuseEngineJob(JobEntity job) {
    if (job.getProcessDefinitionKey() == null && byPerson()) {
      throw refused("エンジン自身のジョブは変更できません", "the engine's own jobs cannot be changed");
    }
  }

  /** A signed-in person's request, not the engine's own work or procedure code. */
  static boolean byPerson() {
    CommandContext context = Context.getCommandContext();
    return context.getProcessEngineConfiguration().isAuthorizationEnabled() && context.isAuthorizationCheckEnabled()
        && context.getAuthenticatedUserId() != null;
  }

  static AuthorizationException refused(String japanese, String english) {
    return new AuthorizationException(japanese + " (" + english + ")");
  }

  private static boolean running(Class<?> command) {
    return command.isInstance(Context.getCommandInvocationContext().getCommand());
  }
}
