package jp.madoguchi.retention;

import java.util.Map;

import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.staff.StaffRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How long a completed application is kept, and a legal hold on it, for the municipality's administrator. */
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

  @ExceptionHandler(StaffRequestException.class)
  ResponseEntity<Map<String, String>> refused(StaffRequestException e) {
    return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Map<String, String>> denied() {
    return ResponseEntity.status(403).body(Map.of("message",
        "保存期限はこの自治体の責任者だけが変えられます (only this municipality's administrators may change how long an application is kept)"));
  }
}
