package jp.madoguchi.staff;

import java.util.Set;


/** A logged-in staff member as Camunda's identity service knows them. */
public record StaffMember(String id, Set<String> groups, Set<String> tenants) {

  public boolean isOperator() {
    return groups.contains(StaffGroups.OPERATOR);
  }

  public boolean isTenantAdminOf(String tenantId) {
    return isOperator() || groups.contains(StaffGroups.TENANT_ADMIN) && tenants.contains(tenantId);
  }

  public boolean belongsTo(String tenantId) {
    return isOperator() || tenants.contains(tenantId);
  }
}
