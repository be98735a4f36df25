package jp.madoguchi.staff;

import java.util.Set;

import org.camunda.bpm.engine.authorization.Groups;


/**
 * A logged-in staff member as Camunda's identity service knows them. A SaaS operator is staff of no
 * tenant: only a support grant makes them a member of one tenant, for its duration.
 */
public record StaffMember(String id, Set<String> groups, Set<String> tenants) {

  public boolean isOperator() {
    return groups.contains(StaffGroups.OPERATOR);
  }

  /** An operator never is, even when an account somehow holds both roles. */
  public boolean isTenantAdminOf(String tenantId) {
    return !isOperator() && groups.contains(StaffGroups.TENANT_ADMIN) && tenants.contains(tenantId);
  }

  /**
   * Roles no account may hold, whoever gave them: Camunda's {@code camunda-admin} (its members skip
   * the tenant check) or an operator who is also a tenant admin.
   */
  public boolean hasForbiddenRoles() {
    return groups.contains(Groups.CAMUNDA_ADMIN) || isOperator() && groups.contains(StaffGroups.TENANT_ADMIN);
  }

  public boolean belongsTo(String tenantId) {
    return tenants.contains(tenantId);
  }
}
