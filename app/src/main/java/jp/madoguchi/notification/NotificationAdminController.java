package jp.madoguchi.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.notification.OutboxRepository.OutboxEntry;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant admin's view of resident notifications: what failed, and sending it again. */
@RestController
@RequestMapping("/api/{tenant}/admin/notifications")
class NotificationAdminController {

  private static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "SKIPPED");

  private final OutboxRepository outbox;
  private final ApplicationEventPublisher events;

  NotificationAdminController(OutboxRepository outbox, ApplicationEventPublisher events) {
    this.outbox = outbox;
    this.events = events;
  }

  @GetMapping
  ResponseEntity<?> list(@PathVariable String tenant, @RequestParam(defaultValue = "FAILED") String status,
      @RequestParam(defaultValue = "100") int limit, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    if (!STATUSES.contains(status)) {
      return ResponseEntity.badRequest().body(Map.of("message", "status は " + String.join("・", STATUSES)
          + " のどれかです (status must be one of " + STATUSES + ")"));
    }
    List<OutboxEntry> entries = outbox.list(tenant, status, Math.max(1, Math.min(limit, 1000)));
    return ResponseEntity.ok(entries);
  }

  @PostMapping("/{id}/retry")
  ResponseEntity<Map<String, Object>> retry(@PathVariable String tenant, @PathVariable UUID id,
      Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    if (!outbox.requeue(tenant, id)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Map.of("message", "この番号の送れなかった通知はありません (no failed notification with this id in this tenant)"));
    }
    events.publishEvent(new OperationEvent(tenant, admin.id(), "notification.requeued", id.toString(), Map.of()));
    return ResponseEntity.accepted().body(Map.of("id", id, "status", "PENDING"));
  }
}
