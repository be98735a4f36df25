package jp.madoguchi.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The tenant admin's support grants: list, give one to a named operator, end one. */
@RestController
class SupportGrantController {

  private final SupportGrants grants;

  SupportGrantController(SupportGrants grants) {
    this.grants = grants;
  }

  record NewSupportGrant(String operatorId, Integer hours, String reason) {
  }

  @GetMapping("/api/{tenant}/admin/support-grants")
  List<SupportGrant> list(@PathVariable String tenant, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    return grants.ofTenant(tenant);
  }

  @PostMapping("/api/{tenant}/admin/support-grants")
  ResponseEntity<SupportGrant> create(@PathVariable String tenant, @RequestBody NewSupportGrant request,
      Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(grants.create(tenant, admin.id(), request.operatorId(), request.hours(), request.reason()));
  }

  @DeleteMapping("/api/{tenant}/admin/support-grants/{id}")
  ResponseEntity<Void> end(@PathVariable String tenant, @PathVariable UUID id, Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    return grants.end(tenant, id, admin.id()) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
  }

  @ExceptionHandler(InvalidSupportGrantException.class)
  ResponseEntity<Map<String, String>> invalid(InvalidSupportGrantException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
  }
}
