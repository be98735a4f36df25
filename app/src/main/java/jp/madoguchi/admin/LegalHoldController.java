package jp.madoguchi.admin;

import java.util.Map;

import jp.madoguchi.retention.LegalHolds;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How long a completed application is kept, and a legal hold on it, for the municipality's administrator
 * ({@link LegalHolds}); refusals answer through {@link AdminApiErrors}.
 */
@RestController
@RequestMapping("/api/{tenant}/admin/applications/{number}/retention")
class LegalHoldController {

  private final LegalHolds holds;

  LegalHoldController(LegalHolds holds) {
    this.holds = holds;
  }

  @GetMapping
  Map<String, Object> retention(@PathVariable String tenant, @PathVariable String number, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    return holds.retention(tenant, number).json();
  }

  record Hold(String keepUntil) {
  }

  @PutMapping
  ResponseEntity<Map<String, Object>> keep(@PathVariable String tenant, @PathVariable String number,
      @RequestBody Hold hold, Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    return ResponseEntity.accepted().body(holds.keepUntil(tenant, number, hold == null ? null : hold.keepUntil(), admin.id()).json());
  }
}
