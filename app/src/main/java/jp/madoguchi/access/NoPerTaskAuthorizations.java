package jp.madoguchi.access;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations (a user owns their own account, …) except two. None per task: who
 * works on a task follows from the grants of the procedure's departments, so assigning, claiming or
 * adding a candidate group writes no authorization row. A deployer may read their deployment but not
 * delete it: deleting with cascade would erase the applications' history, which is the audit trail.
 */
final class NoPerTaskAuthorizations extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newDeployment(Deployment deployment) {
    AuthorizationEntity[] defaults = super.newDeployment(deployment);
    if (defaults != null) {
      for (AuthorizationEntity authorization : defaults) {
        authorization.removePermission(Permissions.DELETE);
      }
    }
    return defaults;
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    return null;
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    return null;
  }

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    return null;
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    return null;
  }
}
