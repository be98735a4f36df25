package jp.madoguchi.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.madoguchi.staff.GrantedPermissions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Derives the Camunda authorizations of a procedure from its departments: each department group gets,
 * on the procedure's process definition key, exactly {@link #DEPARTMENT}. Grants are per key, so they
 * hold for every tenant's instances of the procedure; Camunda's tenant check keeps each clerk to their
 * own tenant, and {@link ProcedureKeyOwnership} keeps a key to one owner. The departments of a key are
 * those of all its deployed versions, so the clerks of an old version keep reading its applications.
 * No other group has per-key grants: whatever else is found on a key is removed.
 */
@Component
class DepartmentAuthorizations {

  /** What a department may do with its procedure's applications: read and work on them, never edit their data. */
  static final Permission[] DEPARTMENT = {
      ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
      ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
      ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
      ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
      ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE};

  private static final Logger log = LoggerFactory.getLogger(DepartmentAuthorizations.class);

  private final AuthorizationService authorizations;
  private final RepositoryService repository;

  DepartmentAuthorizations(AuthorizationService authorizations, RepositoryService repository) {
    this.authorizations = authorizations;
    this.repository = repository;
  }

  /** The departments of every deployed version of the key, with those of versions being deployed now. */
  Set<String> departmentsOf(String key, Collection<String> deploying) {
    Set<String> departments = new TreeSet<>(deploying);
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().processDefinitionKey(key).list()) {
      departments.addAll(ProcedureDepartments.of(repository.getBpmnModelInstance(definition.getId()), key));
    }
    return departments;
  }

  /** Makes the key's group grants exactly the departments' grants. */
  void apply(String key, Set<String> departments) {
    Map<String, Authorization> existing = new HashMap<>();
    for (Authorization authorization : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(key).list()) {
      if (authorization.getGroupId() == null) {
        continue;
      }
      if (departments.contains(authorization.getGroupId())) {
        existing.put(authorization.getGroupId(), authorization);
      } else {
        authorizations.deleteAuthorization(authorization.getId());
        log.info("Procedure {}: grants of group {} removed (not one of its departments)", key, authorization.getGroupId());
      }
    }
    for (String department : departments) {
      Authorization authorization = existing.get(department);
      if (authorization != null && GrantedPermissions.exactly(authorization, DEPARTMENT)) {
        continue;
      }
      if (authorization == null) {
        authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(department);
        authorization.setResource(Resources.PROCESS_DEFINITION);
        authorization.setResourceId(key);
      }
      authorization.setPermissions(DEPARTMENT);
      authorizations.saveAuthorization(authorization);
    }
    log.info("Procedure {}: departments {}", key, departments);
  }

  /** Every deployed procedure, e.g. at start: grants of versions deployed before this rule existed too. */
  void applyToEveryProcedure() {
    Set<String> keys = new TreeSet<>();
    repository.createProcessDefinitionQuery().list().forEach(definition -> keys.add(definition.getKey()));
    keys.forEach(key -> apply(key, departmentsOf(key, Set.of())));
  }
}
