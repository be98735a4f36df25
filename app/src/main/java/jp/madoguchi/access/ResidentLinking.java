package jp.madoguchi.access;

import java.util.List;
import java.util.Set;

import jp.madoguchi.staff.StaffGroups;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who may file an application in a resident's name, i.e. start a procedure with {@code residentRef}
 * (the resident's LINE user id: they get its notifications and see it in "my applications"). A
 * resident's own submission (the LIFF API, no staff logged in) always may. Staff may only to link a
 * paper application handed in at the counter to the resident's LINE account, and only when both hold:
 * they are in group {@value StaffGroups#RESIDENT_LINKING} (given by the tenant admin to named clerks)
 * and in one of the procedure's own departments. A chief or clerk of another department, a tenant admin
 * who is not in the department, an operator: never.
 */
public final class ResidentLinking {

  private ResidentLinking() {
  }

  public static void check(DelegateExecution execution, String procedureKey) {
    Authentication staff = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (staff == null || staff.getUserId() == null) {
      return;
    }
    List<String> groups = staff.getGroupIds() == null ? List.of() : staff.getGroupIds();
    Set<String> departments = ProcedureDepartments.of(execution.getBpmnModelInstance(), procedureKey);
    if (!groups.contains(StaffGroups.RESIDENT_LINKING) || groups.stream().noneMatch(departments::contains)) {
      throw new AuthorizationException(("住民のLINEアカウントに申請を結び付けられるのは、この手続の担当課で窓口申請の紐付けを"
          + "許可された職員だけです (only staff of this procedure's departments who are in group '%s' may file an "
          + "application in a resident's name: leave residentRef out)").formatted(StaffGroups.RESIDENT_LINKING));
    }
  }
}
