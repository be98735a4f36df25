package jp.madoguchi.staff;

import java.util.Set;


/**
 * A logged-in staff member as Camunda's identity service knows them. A SaaS operator is staff of no
 * tenant: only a support grant makes them a member of one tenant, for its duration.
 */
public record StaffMember(String id, Set<String> groups, Set<String> tenants) {

  public boolean isOperator() {
    return groups.contains(StaffGroups.OPERATOR);
  }

  public boolean isTenantAdminOf(String tenantId) {
    return groups.contains(StaffGroups.TENANT_ADMIN) && tenants.contains(tenantId);
  }

  public boolean belongsTo(String tenantId) {
    return tenants.contains(tenantId);
  }
}
