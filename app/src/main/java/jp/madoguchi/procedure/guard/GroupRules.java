package jp.madoguchi.procedure.guard;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jp.madoguchi.procedure.ProcedureExpressions;
import jp.madoguchi.procedure.ProcedureProperties;
import jp.madoguchi.staff.StaffGroups;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Candidate groups are departments of the tenant. For a tenant's own procedure a group must be a
 * group of that tenant: at least one of its staff belongs to it. The shared procedures (deployed by
 * the app for every tenant, before any tenant exists) name well-formed groups; a tenant without such a
 * department has nobody to work those tasks. A task whose group is an expression (e.g.
 * {@code ${department}}) needs the process property {@code departments} listing every group it can
 * give; operators' group is never a department.
 */
final class GroupRules {

  private static final Pattern GROUP_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

  private GroupRules() {
  }

  static void check(ProcessView view, String tenantId, GuardEnvironment environment, Reasons reasons) {
    String file = view.file();
    Map<String, String> groups = new LinkedHashMap<>();
    boolean expressionGroups = false;
    for (UserTask task : view.userTasks()) {
      String candidates = task.getCamundaCandidateGroups();
      if (candidates == null || candidates.isBlank()) {
        reasons.add(file, task.getId(), "ユーザータスクに担当課（camunda:candidateGroups）がありません",
            "the user task has no candidate group (camunda:candidateGroups)");
      } else if (ProcedureExpressions.hasExpression(candidates)) {
        expressionGroups = true;
      } else {
        split(candidates).forEach(group -> groups.putIfAbsent(group, task.getId()));
      }
    }
    split(view.process().getCamundaCandidateStarterGroups()).forEach(group -> groups.putIfAbsent(group, view.id()));
    Set<String> departments = split(view.properties().get(ProcedureProperties.DEPARTMENTS));
    if (expressionGroups && departments.isEmpty()) {
      reasons.add(file, view.id(), "担当課を式で決めるタスクがあります。プロセスのプロパティ departments に担当しうる課をすべて書いてください"
          + "（例：road-section,park-section）", "a task's candidate group is an expression; list every group it can "
          + "give in the process property departments (e.g. road-section,park-section)");
    }
    for (String department : departments) {
      groups.putIfAbsent(department, view.id());
    }
    for (Map.Entry<String, String> group : groups.entrySet()) {
      checkGroup(file, group.getValue(), group.getKey(), tenantId, environment, reasons);
      boolean starterOnly = group.getValue().equals(view.id());
      if (!departments.isEmpty() && !starterOnly && !departments.contains(group.getKey())) {
        reasons.add(file, group.getValue(), "担当課「" + group.getKey() + "」がプロセスのプロパティ departments にありません",
            "group '" + group.getKey() + "' is missing from the process property departments");
      }
    }
  }

  private static void checkGroup(String file, String element, String group, String tenantId,
      GuardEnvironment environment, Reasons reasons) {
    if (Groups.CAMUNDA_ADMIN.equals(group) || StaffGroups.OPERATOR.equals(group)) {
      reasons.add(file, element, "運用者のグループ（" + group + "）は担当課にできません（運用者は住民の個人情報を見ません）",
          "the operators' group (" + group + ") cannot be a department; operators do not read residents' data");
    } else if (!GROUP_ID.matcher(group).matches()) {
      reasons.add(file, element, "担当課「" + group + "」はグループ id の形式ではありません（英小文字・数字・ハイフン）",
          "'" + group + "' is not a group id (lower-case letters, digits and hyphens)");
    } else if (tenantId != null && !environment.isGroupOfTenant(group, tenantId)) {
      reasons.add(file, element, "担当課「" + group + "」はこの自治体（" + tenantId + "）にありません。職員が所属するグループを指定してください",
          "group '" + group + "' is not a group of tenant " + tenantId + "; name a group its staff belong to");
    }
  }

  private static Set<String> split(String list) {
    if (list == null || list.isBlank()) {
      return Set.of();
    }
    Set<String> parts = new LinkedHashSet<>();
    Arrays.stream(list.split(",")).map(String::trim).filter(part -> !part.isEmpty()).forEach(parts::add);
    return parts;
  }
}
