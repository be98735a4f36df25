package jp.madoguchi.tenant;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import jp.madoguchi.staff.StaffGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Grants per staff group. Groups are shared across tenants (a "waste-section" exists in many
 * municipalities); Camunda's tenant check limits each member to the tenants they belong to.
 * Task access comes from candidate groups: the engine grants it per task.
 */
@Component
class StaffAuthorizations {

  private final AuthorizationService authorizations;

  StaffAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  void ensureClerk(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(groupId, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
  }

  void ensureTenantAdmin() {
    String group = StaffGroups.TENANT_ADMIN;
    ensureClerk(group);
    grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);
    grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(group, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
  }

  void ensureOperator() {
    for (Resource resource : List.of(Resources.values())) {
      grant(StaffGroups.OPERATOR, resource, ANY, Permissions.ALL);
    }
  }

  void grantGroupRead(String groupId, Resource resource, String resourceId) {
    grant(groupId, resource, resourceId, Permissions.READ);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .list().stream().findFirst()
        .orElseGet(() -> {
          Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(groupId);
          created.setResource(resource);
          created.setResourceId(resourceId);
          return created;
        });
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
