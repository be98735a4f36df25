package jp.madoguchi.purge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import jp.madoguchi.staff.StaffGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Deletes a tenant's data in the engine through its public API: running instances (also of the
 * shared procedures), the tenant's own deployments with everything of them (cascade) and the grants
 * on their keys, the history
 * of its instances and decisions, its operation log, then its accounts (memberships go with them),
 * their filters and authorizations, and the tenant. Runs without an engine user, so the deletions
 * themselves write no operation log of the tenant. Departments (groups) are shared by all
 * municipalities and stay.
 */
@Component
class EnginePurge {

  private static final int CHUNK = 500;

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final HistoryService history;
  private final IdentityService identity;
  private final FilterService filters;
  private final AuthorizationService authorizations;

  EnginePurge(RuntimeService runtime, RepositoryService repository, HistoryService history, IdentityService identity,
      FilterService filters, AuthorizationService authorizations) {
    this.runtime = runtime;
    this.repository = repository;
    this.history = history;
    this.identity = identity;
    this.filters = filters;
    this.authorizations = authorizations;
  }

  /** The tenant's accounts: members of the tenant who are not operators (an operator's support grant only ends). */
  Set<String> accounts(String tenantId) {
    return Set.copyOf(identity.createUserQuery().memberOfTenant(tenantId).list().stream().map(User::getId)
        .filter(id -> identity.createUserQuery().userId(id).memberOfGroup(StaffGroups.OPERATOR).count() == 0).toList());
  }

  /**
   * Whether an application's process moved or changed after the instant: a step began or ended (a task
   * completed, a correction or withdrawal arrived, a document was issued), a value changed (a form
   * saved), or a person did something the engine logs (a claim, a comment).
   */
  boolean changedSince(String tenantId, Instant since) {
    Date after = Date.from(since);
    return history.createHistoricActivityInstanceQuery().tenantIdIn(tenantId).startedAfter(after).count() > 0
        || history.createHistoricActivityInstanceQuery().tenantIdIn(tenantId).finishedAfter(after).count() > 0
        || history.createHistoricDetailQuery().tenantIdIn(tenantId).occurredAfter(after).count() > 0
        || history.createUserOperationLogQuery().tenantIdIn(tenantId).afterTimestamp(after).count() > 0;
  }

  /** @param procedureKeys the tenant's own procedures: their departments' grants go with their last version */
  void purge(String tenantId, Set<String> accounts, Set<String> procedureKeys) {
    identity.clearAuthentication();
    List<String> running;
    while (!(running = runtime.createProcessInstanceQuery().tenantIdIn(tenantId).listPage(0, CHUNK).stream()
        .map(ProcessInstance::getId).toList()).isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "tenant purged", true, true, false);
    }
    for (Deployment deployment : repository.createDeploymentQuery().tenantIdIn(tenantId).list()) {
      authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT).resourceId(deployment.getId()).list()
          .forEach(this::delete);
      repository.deleteDeployment(deployment.getId(), true, true, true);
    }
    for (String key : procedureKeys) {
      if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
        authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION).resourceId(key).list()
            .forEach(this::delete);
      }
    }
    List<String> ended;
    while (!(ended = history.createHistoricProcessInstanceQuery().tenantIdIn(tenantId).listPage(0, CHUNK).stream()
        .map(HistoricProcessInstance::getId).toList()).isEmpty()) {
      history.deleteHistoricProcessInstancesIfExists(ended);
    }
    List<String> decisions;
    while (!(decisions = history.createHistoricDecisionInstanceQuery().tenantIdIn(tenantId).listPage(0, CHUNK).stream()
        .map(HistoricDecisionInstance::getId).toList()).isEmpty()) {
      history.deleteHistoricDecisionInstancesBulk(decisions);
    }
    List<UserOperationLogEntry> operations;
    while (!(operations = history.createUserOperationLogQuery().tenantIdIn(tenantId).listPage(0, CHUNK)).isEmpty()) {
      operations.forEach(entry -> history.deleteUserOperationLogEntry(entry.getId()));
    }
    identities(tenantId, accounts);
  }

  private void identities(String tenantId, Set<String> accounts) {
    List<Authorization> granted = new ArrayList<>();
    for (String account : accounts) {
      for (Filter filter : filters.createFilterQuery().filterOwner(account).list()) {
        granted.addAll(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
            .resourceId(filter.getId()).list());
        filters.deleteFilter(filter.getId());
      }
      granted.addAll(authorizations.createAuthorizationQuery().userIdIn(account).list());
      granted.addAll(authorizations.createAuthorizationQuery().resourceType(Resources.USER).resourceId(account).list());
    }
    granted.addAll(authorizations.createAuthorizationQuery().resourceType(Resources.TENANT).resourceId(tenantId).list());
    granted.stream().map(Authorization::getId).distinct().forEach(authorizations::deleteAuthorization);
    identity.createUserQuery().memberOfTenant(tenantId).list().stream().map(User::getId)
        .filter(id -> !accounts.contains(id))
        .forEach(operator -> identity.deleteTenantUserMembership(tenantId, operator));
    accounts.forEach(identity::deleteUser);
    identity.deleteTenant(tenantId);
  }

  private void delete(Authorization authorization) {
    authorizations.deleteAuthorization(authorization.getId());
  }
}
