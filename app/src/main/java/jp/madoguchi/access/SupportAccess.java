package jp.madoguchi.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * What a support grant changes in Camunda for one operator. Authorizations are not per tenant, the
 * tenant check is: while an operator has at least one active grant they hold read grants on every
 * procedure, and they are a member of exactly the tenants whose grants are active (an operator is
 * never a tenant member otherwise), so they read those tenants' applications and nobody else's.
 */
@Component
class SupportAccess {

  /** Looking, and retrying a failed job; no work on tasks, no change to data. */
  static final Permission[] ON_PROCEDURES = {
      ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
      ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_INSTANCE,
      ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY,
      ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.RETRY_JOB};

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  SupportAccess(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /** Makes the operator's tenant memberships and read grants match their active grants. */
  void apply(String operatorId, Set<String> activeTenants) {
    for (Tenant tenant : identity.createTenantQuery().userMember(operatorId).list()) {
      if (!activeTenants.contains(tenant.getId())) {
        identity.deleteTenantUserMembership(tenant.getId(), operatorId);
      }
    }
    for (String tenantId : activeTenants) {
      if (identity.createTenantQuery().tenantId(tenantId).userMember(operatorId).count() == 0) {
        identity.createTenantUserMembership(tenantId, operatorId);
      }
    }
    if (activeTenants.isEmpty()) {
      revoke(operatorId, Resources.PROCESS_DEFINITION);
      revoke(operatorId, Resources.DECISION_DEFINITION);
    } else {
      grant(operatorId, Resources.PROCESS_DEFINITION, ON_PROCEDURES);
      grant(operatorId, Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
    }
  }

  private void grant(String userId, Resource resource, Permission... permissions) {
    Authorization authorization = find(userId, resource);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setUserId(userId);
      authorization.setResource(resource);
      authorization.setResourceId(ANY);
    }
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }

  private void revoke(String userId, Resource resource) {
    Authorization authorization = find(userId, resource);
    if (authorization != null) {
      authorizations.deleteAuthorization(authorization.getId());
    }
  }

  private Authorization find(String userId, Resource resource) {
    return authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).userIdIn(userId)
        .resourceType(resource).resourceId(ANY).list().stream().findFirst().orElse(null);
  }
}
