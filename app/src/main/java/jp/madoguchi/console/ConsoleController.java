package jp.madoguchi.console;

import java.util.Map;

import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is using the console and whether they may administer this tenant. Any signed-in staff
 * member gets an answer (a clerk or another tenant's admin: not an administrator here, and not
 * even the tenant's name), so the console can say so in Japanese instead of failing.
 */
@RestController
class ConsoleController {

  private final TenantRepository tenants;

  ConsoleController(TenantRepository tenants) {
    this.tenants = tenants;
  }

  record Console(String userId, String tenantId, String tenantName, boolean tenantAdmin) {
  }

  @GetMapping("/api/{tenant}/admin/console")
  ResponseEntity<?> console(@PathVariable String tenant, Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof StaffMember staff)) {
      throw new AccessDeniedException("Staff login required");
    }
    if (!staff.isTenantAdminOf(tenant)) {
      return ResponseEntity.ok(new Console(staff.id(), tenant, null, false));
    }
    return tenants.findById(tenant)
        .<ResponseEntity<?>>map(found -> ResponseEntity.ok(new Console(staff.id(), tenant, found.name(),
            found.status() == Tenant.TenantStatus.ACTIVE)))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(Map.of("message", "この自治体はありません (no such tenant)")));
  }
}
