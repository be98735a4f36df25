package jp.madoguchi.department;

import java.util.SortedSet;
import java.util.TreeSet;

import jp.madoguchi.procedure.ProcedureLabels;
import jp.madoguchi.staff.DepartmentsOfTenant;
import jp.madoguchi.staff.StaffGroups;
import jp.madoguchi.staff.StaffRoles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * A municipality's departments: the candidate groups of the procedures it runs (every version of
 * the shared ones and of its own), the groups its staff work in, those it has named itself, and
 * {@code resident-linking}. Another municipality's own departments are not among them, although
 * Camunda's groups are shared by every tenant.
 */
@Component
class TenantDepartments implements DepartmentsOfTenant {

  private final RepositoryService repository;
  private final IdentityService identity;
  private final ProcedureLabels labels;
  private final DepartmentNames names;

  TenantDepartments(RepositoryService repository, IdentityService identity, ProcedureLabels labels,
      DepartmentNames names) {
    this.repository = repository;
    this.identity = identity;
    this.labels = labels;
    this.names = names;
  }

  @Override
  public SortedSet<String> of(String tenantId) {
    SortedSet<String> departments = new TreeSet<>();
    departments.add(StaffGroups.RESIDENT_LINKING);
    repository.createProcessDefinitionQuery().withoutTenantId().list()
        .forEach(definition -> departments.addAll(labels.departments(definition.getId())));
    repository.createProcessDefinitionQuery().tenantIdIn(tenantId).list()
        .forEach(definition -> departments.addAll(labels.departments(definition.getId())));
    departments.addAll(groupsOfStaff(tenantId));
    departments.addAll(names.of(tenantId).keySet());
    return departments;
  }

  /** The groups the tenant's staff work in; a chief's group counts as its department. */
  private SortedSet<String> groupsOfStaff(String tenantId) {
    SortedSet<String> groups = new TreeSet<>();
    for (User user : identity.createUserQuery().memberOfTenant(tenantId).list()) {
      for (Group group : identity.createGroupQuery().groupMember(user.getId()).list()) {
        String id = group.getId();
        if (!Groups.GROUP_TYPE_SYSTEM.equals(group.getType()) && !StaffGroups.isReserved(id)) {
          groups.add(id.endsWith(StaffRoles.CHIEF_SUFFIX)
              ? id.substring(0, id.length() - StaffRoles.CHIEF_SUFFIX.length()) : id);
        }
      }
    }
    return groups;
  }
}
