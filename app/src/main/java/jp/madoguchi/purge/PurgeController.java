package jp.madoguchi.purge;

import java.util.Map;

import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.staff.StaffRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operators' purge of a municipality at contract end; the answer is the purge certificate. */
@RestController
class PurgeController {

  private final TenantPurge purge;

  PurgeController(TenantPurge purge) {
    this.purge = purge;
  }

  record PurgeRequest(String confirm) {
  }

  @PostMapping("/api/operator/tenants/{tenant}/purge")
  Map<String, Object> purge(@PathVariable String tenant, @RequestBody(required = false) PurgeRequest body,
      Authentication authentication) {
    StaffMember operator = StaffAccess.requireOperator(authentication);
    return purge.purge(tenant, body == null ? null : body.confirm(), operator.id());
  }

  @ExceptionHandler(StaffRequestException.class)
  ResponseEntity<Map<String, String>> refused(StaffRequestException e) {
    return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Map<String, String>> denied() {
    return ResponseEntity.status(403).body(Map.of("message", "運用者だけが行えます (operators only)"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable() {
    return ResponseEntity.badRequest().body(Map.of("message",
        "リクエストの内容を読み取れません。{\"confirm\": \"<自治体ID>\"} を送ってください (send {\"confirm\": \"<tenant id>\"})"));
  }
}
