package jp.madoguchi.staff;


import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** Checks that a staff member may act for a tenant; everything else is refused with 403. */
public final class StaffAccess {

  private StaffAccess() {
  }

  /**
   * A tenant admin of this very tenant, never an operator: what a municipality's administrator
   * manages (its staff, allow-list, logs, support grants, signing key) is theirs; operators act
   * through the operator API.
   */
  public static StaffMember requireTenantAdmin(Authentication authentication, String tenantId) {
    StaffMember staff = staff(authentication);
    if (!staff.isTenantAdminOf(tenantId)) {
      throw new AccessDeniedException("Only the tenant's own administrators may do this");
    }
    return staff;
  }

  public static StaffMember requireOperator(Authentication authentication) {
    StaffMember staff = staff(authentication);
    if (!staff.isOperator()) {
      throw new AccessDeniedException("Only operators may do this");
    }
    return staff;
  }

  public static StaffMember requireStaffOf(Authentication authentication, String tenantId) {
    StaffMember staff = staff(authentication);
    if (!staff.belongsTo(tenantId)) {
      throw new AccessDeniedException("Only the tenant's staff may do this");
    }
    return staff;
  }

  private static StaffMember staff(Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof StaffMember staff)) {
      throw new AccessDeniedException("Staff login required");
    }
    return staff;
  }
}
