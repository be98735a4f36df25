package jp.madoguchi.tenant;

import java.util.Map;

import jp.madoguchi.audit.OperationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What a start created from the tenants seed file, in the operation log as the system's doing. */
@Component
class SeedOperationLog {

  private final ApplicationEventPublisher events;

  SeedOperationLog(ApplicationEventPublisher events) {
    this.events = events;
  }

  void record(String tenantId, String kind, String target) {
    events.publishEvent(new OperationEvent(tenantId, "system", kind, target, Map.of("source", "tenants-seed")));
  }

  void record(String tenantId, String kind, String target, String detail, String value) {
    events.publishEvent(new OperationEvent(tenantId, "system", kind, target,
        Map.of("source", "tenants-seed", detail, value)));
  }
}
