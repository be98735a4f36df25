package jp.madoguchi.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.audit.AuditEntry.Category;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The engine's user operation log (what staff did through Tasklist, Cockpit, Admin and
 * {@code /engine-rest}: claims, completions, deployments, variable changes …) joins the tenants'
 * operation logs through Camunda's custom history event handler (the engine still writes its own
 * ACT_HI_OP_LOG). One operation becomes one entry; values are kept only for properties that are
 * ids (assignee, group, tenant …), never a variable's or a form field's value.
 */
@Component
class EngineOperationLog extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ID_PROPERTIES = Set.of("assignee", "owner", "userId", "groupId", "tenantId",
      "candidateUser", "candidateGroup", "priority", "deploymentId", "processDefinitionKey", "suspensionState");

  private final AuditLog auditLog;
  private final Clock clock;

  EngineOperationLog(AuditLog auditLog, Clock clock) {
    this.auditLog = auditLog;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(this);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    handleEvents(List.of(event));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    List<UserOperationLogEntryEventEntity> operation = events.stream()
        .filter(UserOperationLogEntryEventEntity.class::isInstance).map(UserOperationLogEntryEventEntity.class::cast).toList();
    if (operation.isEmpty()) {
      return;
    }
    AuditEntry entry = entry(operation);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          auditLog.append(entry);
        }
      });
    } else {
      auditLog.append(entry);
    }
  }

  private AuditEntry entry(List<UserOperationLogEntryEventEntity> operation) {
    UserOperationLogEntryEventEntity first = operation.get(0);
    TreeMap<String, String> details = new TreeMap<>();
    for (var property : operation) {
      if (property.getProperty() != null) {
        details.put(property.getProperty(), ID_PROPERTIES.contains(property.getProperty()) ? property.getNewValue() : "(changed)");
      }
    }
    String kind = "engine." + words(first.getEntityType()) + "." + words(first.getOperationType());
    return new AuditEntry(first.getTenantId(), first.getTimestamp() == null ? clock.instant() : first.getTimestamp().toInstant(),
        Category.OPERATION, kind.length() > 64 ? kind.substring(0, 64) : kind, first.getUserId(), null, null, null, null,
        null, null, false, target(first), json(details), null, first.getProcessInstanceId());
  }

  private static String target(UserOperationLogEntryEventEntity entry) {
    if (entry.getTaskId() != null) {
      return "task:" + entry.getTaskId();
    }
    if (entry.getProcessInstanceId() != null) {
      return "process-instance:" + entry.getProcessInstanceId();
    }
    if (entry.getDeploymentId() != null) {
      return "deployment:" + entry.getDeploymentId();
    }
    return entry.getJobId() == null ? null : "job:" + entry.getJobId();
  }

  /** {@code SetVariable} → {@code set-variable}. */
  private static String words(String camel) {
    return camel == null ? "unknown" : camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  private static String json(TreeMap<String, String> details) {
    try {
      return details.isEmpty() ? null : JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
