package jp.madoguchi.staff;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** Checks that a staff member may act for a tenant; everything else is refused with 403. */
public final class StaffAccess {

  private StaffAccess() {
  }

  public static StaffMember requireTenantAdmin(Authentication authentication, String tenantId) {
    StaffMember staff = staff(authentication);
    if (!staff.isTenantAdminOf(tenantId)) {
      throw new AccessDeniedException("Only the tenant's administrators may do this");
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
