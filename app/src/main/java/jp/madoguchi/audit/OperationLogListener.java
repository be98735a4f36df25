package jp.madoguchi.audit;

import java.time.Clock;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.audit.AuditEntry.Category;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Madoguchi's own administrative actions ({@link OperationEvent}) enter the operation log once the
 * transaction that made them commits (at once when there was none); a rolled-back change leaves
 * no entry.
 */
@Component
class OperationLogListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditLog auditLog;
  private final Clock clock;

  OperationLogListener(AuditLog auditLog, Clock clock) {
    this.auditLog = auditLog;
    this.clock = clock;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(OperationEvent event) {
    auditLog.append(new AuditEntry(event.tenantId(), clock.instant(), Category.OPERATION, event.kind(), event.actor(),
        null, null, null, null, null, event.details().get("applicationNumber"), false, event.target(),
        canonicalJson(event), null, null));
  }

  private static String canonicalJson(OperationEvent event) {
    if (event.details().isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(new TreeMap<>(event.details()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
