package jp.madoguchi.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.Set;

import jp.madoguchi.staff.StaffGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, after the shared procedures are deployed: every deployed procedure's department
 * grants are derived again (so a database from before this rule gets them too), and the blanket grants
 * earlier versions gave every clerk group (read and history of every procedure, decisions, tasks) are
 * removed. Only the tenant admins and the operators keep grants on "any" procedure.
 */
@Component
@Order(6)
class AccessAtStart implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AccessAtStart.class);
  private static final Set<String> GROUPS_WITH_ANY = Set.of(StaffGroups.TENANT_ADMIN, StaffGroups.OPERATOR);

  private final DepartmentAuthorizations departments;
  private final AuthorizationService authorizations;

  AccessAtStart(DepartmentAuthorizations departments, AuthorizationService authorizations) {
    this.departments = departments;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    departments.applyToEveryProcedure();
    removeBlanketGrants(Resources.PROCESS_DEFINITION, GROUPS_WITH_ANY);
    removeBlanketGrants(Resources.DECISION_DEFINITION, GROUPS_WITH_ANY);
    removeBlanketGrants(Resources.TASK, Set.of());
  }

  private void removeBlanketGrants(Resource resource, Set<String> keep) {
    for (Authorization authorization : authorizations.createAuthorizationQuery().resourceType(resource)
        .resourceId(ANY).list()) {
      if (authorization.getGroupId() != null && !keep.contains(authorization.getGroupId())) {
        authorizations.deleteAuthorization(authorization.getId());
        log.info("Removed the blanket {} grant of group {}", resource.resourceName(), authorization.getGroupId());
      }
    }
  }
}
