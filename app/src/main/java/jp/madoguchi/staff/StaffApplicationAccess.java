package jp.madoguchi.staff;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one rule for Madoguchi's own staff endpoints (files, documents, staff uploads): the engine is
 * asked, as the staff member with authorization and tenant checks on, whether they may read the
 * application's process instance in its history. That holds for the departments of the procedure in
 * their own tenant, the tenant's admins, and an operator with a support grant for the tenant: the same
 * grants that decide what they see in Tasklist, Cockpit and /engine-rest. Callers answer 404 when it
 * does not hold, exactly as for an unknown id.
 */
@Component
public class StaffApplicationAccess {

  private final IdentityService identity;
  private final HistoryService history;
  private final AuthorizationService authorizations;

  StaffApplicationAccess(IdentityService identity, HistoryService history, AuthorizationService authorizations) {
    this.identity = identity;
    this.history = history;
    this.authorizations = authorizations;
  }

  /** May read the application (its data, files and documents). */
  public boolean mayRead(StaffMember staff, String tenantId, String processInstanceId) {
    return visibleInstance(staff, tenantId, processInstanceId) != null;
  }

  /** May act on the application as its department does (work on its tasks, add a photo): not a read-only support grant. */
  public boolean mayWorkOn(StaffMember staff, String tenantId, String processInstanceId) {
    HistoricProcessInstance instance = visibleInstance(staff, tenantId, processInstanceId);
    return instance != null && authorizations.isUserAuthorized(staff.id(), List.copyOf(staff.groups()),
        ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION, instance.getProcessDefinitionKey());
  }

  private HistoricProcessInstance visibleInstance(StaffMember staff, String tenantId, String processInstanceId) {
    if (processInstanceId == null || !staff.belongsTo(tenantId)) {
      return null;
    }
    return as(staff, () -> history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .tenantIdIn(tenantId).singleResult());
  }

  private <T> T as(StaffMember staff, Supplier<T> query) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(staff.id(), List.copyOf(staff.groups()), List.copyOf(staff.tenants()));
    try {
      return query.get();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }
}
