package jp.madoguchi.tenant;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import jp.madoguchi.staff.GrantedPermissions;
import jp.madoguchi.staff.StaffGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * The grants of each kind of staff group, set exactly (a permission granted by an earlier version is
 * taken away again). Groups are shared across tenants (a "waste-section" exists in many
 * municipalities); Camunda's tenant check limits each member to the tenants they belong to. A
 * department's access to applications is not here: it is derived per procedure when the procedure is
 * deployed ({@code access.DepartmentAuthorizations}). Nobody may change a process variable outside a
 * task form (no UPDATE_TASK, UPDATE_INSTANCE or *_VARIABLE update permission is granted to anyone).
 */
@Component
class StaffAuthorizations {

  /** A tenant admin (責任者) reads and works on every application of their tenant. */
  static final Permission[] TENANT_ADMIN_ON_PROCEDURES = {
      ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
      ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
      ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
      ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
      ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
      ProcessDefinitionPermissions.RETRY_JOB};

  private final AuthorizationService authorizations;

  StaffAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** A department: Tasklist, and starting the instances its procedures' grants allow (counter applications). */
  void ensureClerk(String groupId) {
    grantExactly(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantExactly(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
  }

  void ensureTenantAdmin() {
    String group = StaffGroups.TENANT_ADMIN;
    ensureClerk(group);
    grantExactly(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantExactly(group, Resources.PROCESS_DEFINITION, ANY, TENANT_ADMIN_ON_PROCEDURES);
    // deploying a procedure of their own tenant (Camunda Modeler); the tenant check refuses another tenant
    grantExactly(group, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE);
    grantExactly(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grantExactly(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  /**
   * SaaS operators run the service without reading residents' data: Cockpit and Admin, definitions and
   * deployments (reading them and deploying a procedure for a tenant), Camunda tenants, the
   * engine's metrics and batches, and each their own account. No instance, task, variable or history
   * read; no authorization change (that is how a grant could be given to oneself). A support grant
   * ({@code access.SupportGrants}) opens one tenant for a while.
   */
  void ensureOperator(String operatorId) {
    String group = StaffGroups.OPERATOR;
    grantExactly(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantExactly(group, Resources.APPLICATION, "admin", Permissions.ACCESS);
    grantExactly(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.SUSPEND);
    // deploying a procedure for a tenant on its behalf; the deploy guard checks the tenant exists
    grantExactly(group, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE);
    grantExactly(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grantExactly(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grantExactly(group, Resources.TENANT, ANY, Permissions.READ);
    grantExactly(group, Resources.GROUP, ANY, Permissions.READ);
    grantExactly(group, Resources.GROUP, group, Permissions.READ, Permissions.UPDATE);
    // operators' accounts come from the seed file and the operator API, which refuse a tenant's
    // staff: adding a member here would take an account out of its municipality's control
    revoke(group, Resources.GROUP_MEMBERSHIP, group);
    // each operator has ALL on their own account (Camunda gives it to the user); given to the group, it
    // let every operator reset another's password and act under the name a support grant trusts. No
    // read of other accounts: every municipality's staff (names, e-mail addresses) is none of theirs
    revoke(group, Resources.USER, ANY);
    revoke(group, Resources.USER, operatorId);
    grantExactly(group, Resources.AUTHORIZATION, ANY, Permissions.READ);
    grantExactly(group, Resources.SYSTEM, ANY, SystemPermissions.READ);
    grantExactly(group, Resources.BATCH, ANY, BatchPermissions.READ, BatchPermissions.READ_HISTORY);
    grantExactly(group, Resources.OPERATION_LOG_CATEGORY, UserOperationLogEntry.CATEGORY_ADMIN,
        UserOperationLogCategoryPermissions.READ);
  }

  void grantGroupRead(String groupId, Resource resource, String resourceId) {
    grantExactly(groupId, resource, resourceId, Permissions.READ);
  }

  /** Removes the group's grant on the resource, if an earlier version gave one. */
  private void revoke(String groupId, Resource resource, String resourceId) {
    authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
  }

  /** Creates or overwrites the group's grant on the resource with exactly these permissions (unless it has them). */
  private void grantExactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .list().stream().findFirst().orElse(null);
    if (existing != null && GrantedPermissions.exactly(existing, permissions)) {
      return;
    }
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }
}
