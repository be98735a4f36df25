package jp.madoguchi.encryption;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionOutputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;

/**
 * Whose value a serializer is writing. Camunda serializes a new variable's value before it links the
 * variable to its execution (so the variable has no tenant yet); the owner is then found, in this
 * order, from the variable itself (an update), the execution the engine is running (delegates,
 * mappings, decisions), the executions and tasks this command has loaded (starts, task completions,
 * message correlations, REST and Cockpit edits: all of one tenant), and the single tenant of the
 * logged-in staff member.
 */
final class VariableOwners {

  record Owner(String tenantId, String processDefinitionId) {
  }

  private VariableOwners() {
  }

  static Owner writing(ValueFields fields) {
    if (fields instanceof VariableInstanceEntity variable && variable.getTenantId() != null) {
      return new Owner(variable.getTenantId(), variable.getProcessDefinitionId());
    }
    BpmnExecutionContext running = Context.getBpmnExecutionContext();
    if (running != null && running.getExecution() != null && running.getExecution().getTenantId() != null) {
      ExecutionEntity execution = running.getExecution();
      return new Owner(execution.getTenantId(), execution.getProcessDefinitionId());
    }
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      Owner loaded = ofLoadedEntities(command);
      if (loaded != null) {
        return loaded;
      }
      Authentication staff = command.getAuthentication();
      List<String> tenants = staff == null ? null : staff.getTenantIds();
      if (tenants != null && tenants.size() == 1) {
        return new Owner(tenants.get(0), null);
      }
    }
    return new Owner(null, null);
  }

  /** The tenant a stored value belongs to, when the row says so. */
  static String tenantOf(ValueFields fields) {
    if (fields instanceof VariableInstanceEntity variable) {
      return variable.getTenantId();
    }
    if (fields instanceof HistoricVariableInstanceEntity variable) {
      return variable.getTenantId();
    }
    if (fields instanceof HistoricDetailEventEntity detail) {
      return detail.getTenantId();
    }
    if (fields instanceof HistoricDecisionInputInstanceEntity input) {
      return input.getTenantId();
    }
    if (fields instanceof HistoricDecisionOutputInstanceEntity output) {
      return output.getTenantId();
    }
    return null;
  }

  private static Owner ofLoadedEntities(CommandContext command) {
    Set<String> tenants = new HashSet<>();
    Set<String> definitions = new HashSet<>();
    for (ExecutionEntity execution : command.getDbEntityManager().getCachedEntitiesByType(ExecutionEntity.class)) {
      tenants.add(execution.getTenantId());
      definitions.add(execution.getProcessDefinitionId());
    }
    for (TaskEntity task : command.getDbEntityManager().getCachedEntitiesByType(TaskEntity.class)) {
      tenants.add(task.getTenantId());
      definitions.add(task.getProcessDefinitionId());
    }
    if (tenants.size() != 1 || tenants.contains(null)) {
      return null;
    }
    return new Owner(tenants.iterator().next(), definitions.size() == 1 ? definitions.iterator().next() : null);
  }
}
