package jp.madoguchi.tenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jp.madoguchi.department.DepartmentDirectory;
import jp.madoguchi.department.DepartmentRules;
import jp.madoguchi.staff.StaffGroups;
import jp.madoguchi.tenant.TenantsSeed.StaffSeed;
import jp.madoguchi.tenant.TenantsSeed.TenantSeed;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Checks a whole seed file before anything is written, so a bad file changes nothing. */
@Component
class TenantSeedValidator {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$");
  /**
   * A slug is a segment of the tenant's addresses (/api/{slug}/…, /liff/{slug}/, /admin/{slug}/), so
   * it must not be one the app's own addresses use at that place: /api/operator/… is the operators'
   * API and /liff/assets/, /admin/assets/ the pages' files. A tenant of such a name never worked.
   */
  private static final Set<String> RESERVED_SLUGS = Set.of("operator", "assets");
  private static final Pattern STAFF_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");
  private static final Pattern GROUP_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");

  private final IdentityService identity;

  TenantSeedValidator(IdentityService identity) {
    this.identity = identity;
  }

  List<TenantProblem> problems(TenantsSeed seed) {
    List<TenantProblem> problems = new ArrayList<>();
    Set<String> slugs = new HashSet<>();
    Set<String> staffIds = new HashSet<>();
    for (TenantSeed tenant : seed.tenants()) {
      Where where = Where.tenant(tenant.slug());
      if (tenant.slug() == null || !SLUG.matcher(tenant.slug()).matches()) {
        problems.add(where.problem("識別名（slug）は英小文字・数字・「-」にしてください（例: kita-city）",
            "slug must be lowercase letters, digits and '-' (e.g. kita-city)"));
      } else if (RESERVED_SLUGS.contains(tenant.slug())) {
        problems.add(where.problem("この識別名（slug）はアプリ自身のアドレス（/api/operator、/liff/assets）に使われています。別の名前にしてください",
            "slug is used by the app's own addresses (/api/operator, /liff/assets); choose another"));
      } else if (!slugs.add(tenant.slug())) {
        problems.add(where.problem("二度書かれています", "listed twice"));
      }
      if (tenant.name() == null || tenant.name().isBlank()) {
        problems.add(where.problem("名称（name）を入れてください", "name is required"));
      }
      for (String cidr : tenant.staffAllowedCidrs()) {
        if (cidr == null) {
          problems.add(where.problem("staffAllowedCidrs: 空の項目があります。消すか、範囲（例: 192.0.2.0/24）を書いてください",
              "staffAllowedCidrs: an empty item; remove it or write a range such as 192.0.2.0/24"));
          continue;
        }
        try {
          IpRange.parse(cidr);
        } catch (IpRange.InvalidRangeException e) {
          problems.add(where.problem("staffAllowedCidrs: " + e.japanese(), "staffAllowedCidrs: " + e.getMessage()));
        }
      }
      for (StaffSeed staff : tenant.staff()) {
        checkStaff(staff, where, staffIds, problems);
        checkTenantStaff(staff, tenant.slug(), where, problems);
      }
      checkDepartments(tenant.departments(), where, problems);
    }
    for (StaffSeed operator : seed.operators()) {
      checkStaff(operator, Where.OPERATORS, staffIds, problems);
    }
    if (!TenantsSeed.TEMPORARY.equals(seed.staffPasswords()) && !TenantsSeed.PERMANENT.equals(seed.staffPasswords())) {
      problems.add(TenantProblem.of("staffPasswords は temporary（初回ログインで変更）か permanent のどちらかです",
          "staffPasswords: temporary (changed at first sign-in) or permanent"));
    }
    return problems;
  }

  private void checkTenantStaff(StaffSeed staff, String slug, Where where, List<TenantProblem> problems) {
    String id = staff.id();
    if (staff.groups().isEmpty()) {
      problems.add(where.problem("職員「" + id + "」にはグループが一つ以上必要です", "staff '" + id + "' needs at least one group"));
    }
    if (staff.groups().contains(StaffGroups.OPERATOR)) {
      problems.add(where.problem("職員「" + id + "」を " + StaffGroups.OPERATOR + " にはできません。運用者は operators に書いてください",
          "staff '" + id + "' cannot be in " + StaffGroups.OPERATOR + "; operators are listed under 'operators'"));
    }
    if (staff.groups().contains(Groups.CAMUNDA_ADMIN)) {
      problems.add(where.problem("職員「" + id + "」を " + Groups.CAMUNDA_ADMIN + " にはできません（自治体の区別を越えてしまいます）",
          "staff '" + id + "' cannot be in " + Groups.CAMUNDA_ADMIN + ", whose members skip the tenant check"));
    }
    if (id != null && isOperator(id)) {
      problems.add(where.problem("職員「" + id + "」は運用者です。運用者はどの自治体にも属しません",
          "staff '" + id + "' is an operator; operators belong to no municipality"));
    }
    if (id != null) {
      identity.createTenantQuery().userMember(id).list().stream()
          .filter(other -> !other.getId().equals(slug))
          .findFirst()
          .ifPresent(other -> problems.add(where.problem("職員 ID「" + id + "」は自治体「" + other.getId() + "」の職員です",
              "staff id '" + id + "' already belongs to tenant '" + other.getId() + "'")));
    }
  }

  private static void checkDepartments(Map<String, String> departments, Where where, List<TenantProblem> problems) {
    if (departments.size() > DepartmentDirectory.MAX_NAMED) {
      problems.add(where.problem("departments: 名前を付けられる部署は " + DepartmentDirectory.MAX_NAMED + " までです",
          "departments: at most " + DepartmentDirectory.MAX_NAMED + " named departments"));
    }
    Map<String, String> byName = new HashMap<>();
    departments.forEach((department, name) -> {
      DepartmentRules.idProblem(department).or(() -> DepartmentRules.nameProblem(name)).ifPresentOrElse(
          refusal -> problems.add(where.problem("departments「" + department + "」: " + refusal.japanese(),
              "departments '" + department + "': " + refusal.english())),
          () -> {
            String other = byName.putIfAbsent(DepartmentRules.normalized(name), department);
            if (other != null) {
              problems.add(where.problem("departments: 「" + DepartmentRules.normalized(name) + "」が " + other + " と "
                  + department + " の二つの部署の名前になっています", "departments: '" + other + "' and '" + department
                  + "' have the same name"));
            }
          });
    });
  }

  private void checkStaff(StaffSeed staff, Where where, Set<String> staffIds, List<TenantProblem> problems) {
    String id = staff.id();
    if (id == null || !STAFF_ID.matcher(id).matches()) {
      problems.add(where.problem("職員 ID「" + id + "」は英小文字・数字・「.」「_」「-」の 2〜64 文字にしてください",
          "staff id '" + id + "' must be 2-64 lowercase letters, digits, '.', '_' or '-'"));
      return;
    }
    if (!staffIds.add(id)) {
      problems.add(where.problem("職員 ID「" + id + "」が二度使われています。職員 ID はこの環境全体で一つずつです",
          "staff id '" + id + "' is used twice; staff ids are unique across the deployment"));
    }
    for (String group : staff.groups()) {
      if (group == null) {
        problems.add(where.problem("「" + id + "」のグループに空の項目があります", "an empty group of '" + id + "'"));
      } else if (!GROUP_ID.matcher(group).matches()) {
        problems.add(where.problem("「" + id + "」のグループ「" + group + "」は英小文字・数字・「-」にしてください",
            "group '" + group + "' of '" + id + "' must be lowercase letters, digits and '-'"));
      }
    }
    if (identity.createUserQuery().userId(id).singleResult() == null) {
      checkNewPassword(staff, where, problems);
    }
  }

  private void checkNewPassword(StaffSeed staff, Where where, List<TenantProblem> problems) {
    String id = staff.id();
    if (staff.password() == null || staff.password().isBlank()) {
      problems.add(where.problem("職員「" + id + "」は新しいアカウントなので、パスワードが必要です",
          "staff '" + id + "' is new and needs a password"));
      return;
    }
    User candidate = identity.newUser(id);
    candidate.setFirstName(staff.firstName() == null ? id : staff.firstName());
    candidate.setLastName(staff.lastName());
    candidate.setEmail(staff.email());
    PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(staff.password(), candidate);
    if (!result.isValid()) {
      problems.add(where.problem("「" + id + "」のパスワードが条件を満たしていません（10 文字以上で英大文字・英小文字・"
          + "数字・記号を含み、職員 ID や氏名を含まないこと）", "password of '" + id + "' does not meet the password policy ("
          + "at least 10 characters with upper and lower case letters, a digit and a symbol, "
          + "not containing the staff id or name)"));
    }
  }

  boolean accountExists(String id) {
    return identity.createUserQuery().userId(id).count() > 0;
  }

  private boolean isOperator(String id) {
    return identity.createUserQuery().userId(id).memberOfGroup(StaffGroups.OPERATOR).count() > 0;
  }

  /** Where in the seed a problem is: a municipality or the operators' list. */
  record Where(String ja, String en) {

    static final Where OPERATORS = new Where("運用者", "operators");

    static Where tenant(String slug) {
      return slug == null ? new Where("識別名のない自治体", "a tenant without a slug")
          : new Where("自治体「" + slug + "」", "tenant '" + slug + "'");
    }

    TenantProblem problem(String ja, String en) {
      return TenantProblem.of(this.ja + ": " + ja, this.en + ": " + en);
    }
  }
}
