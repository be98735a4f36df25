package jp.madoguchi.tenant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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

  List<String> problems(TenantsSeed seed) {
    List<String> problems = new ArrayList<>();
    Set<String> slugs = new HashSet<>();
    Set<String> staffIds = new HashSet<>();
    for (TenantSeed tenant : seed.tenants()) {
      String where = "tenant '" + tenant.slug() + "'";
      if (tenant.slug() == null || !SLUG.matcher(tenant.slug()).matches()) {
        problems.add(where + ": slug must be lowercase letters, digits and '-' (e.g. kita-city)");
      } else if (RESERVED_SLUGS.contains(tenant.slug())) {
        problems.add(where + ": slug is used by the app's own addresses (/api/operator, /liff/assets); choose another");
      } else if (!slugs.add(tenant.slug())) {
        problems.add(where + ": listed twice");
      }
      if (tenant.name() == null || tenant.name().isBlank()) {
        problems.add(where + ": name is required");
      }
      for (String cidr : tenant.staffAllowedCidrs()) {
        try {
          IpRange.parse(cidr);
        } catch (IllegalArgumentException e) {
          problems.add(where + ": staffAllowedCidrs: " + e.getMessage());
        }
      }
      for (StaffSeed staff : tenant.staff()) {
        checkStaff(staff, where, staffIds, problems);
        if (staff.groups().isEmpty()) {
          problems.add(where + ": staff '" + staff.id() + "' needs at least one group");
        }
        if (staff.groups().contains(StaffGroups.OPERATOR)) {
          problems.add(where + ": staff '" + staff.id() + "' cannot be in " + StaffGroups.OPERATOR
              + "; operators are listed under 'operators'");
        }
        if (staff.groups().contains(Groups.CAMUNDA_ADMIN)) {
          problems.add(where + ": staff '" + staff.id() + "' cannot be in " + Groups.CAMUNDA_ADMIN
              + ", whose members skip the tenant check");
        }
        if (staff.id() != null && isOperator(staff.id())) {
          problems.add(where + ": staff '" + staff.id() + "' is an operator; operators belong to no municipality");
        }
        if (staff.id() != null) {
          checkNotInOtherTenant(staff.id(), tenant.slug(), problems);
        }
      }
    }
    for (StaffSeed operator : seed.operators()) {
      checkStaff(operator, "operators", staffIds, problems);
    }
    return problems;
  }

  private void checkStaff(StaffSeed staff, String where, Set<String> staffIds, List<String> problems) {
    if (staff.id() == null || !STAFF_ID.matcher(staff.id()).matches()) {
      problems.add(where + ": staff id '" + staff.id() + "' must be 2-64 lowercase letters, digits, '.', '_' or '-'");
      return;
    }
    if (!staffIds.add(staff.id())) {
      problems.add(where + ": staff id '" + staff.id() + "' is used twice; staff ids are unique across the deployment");
    }
    for (String group : staff.groups()) {
      if (!GROUP_ID.matcher(group).matches()) {
        problems.add(where + ": group '" + group + "' of '" + staff.id() + "' must be lowercase letters, digits and '-'");
      }
    }
    User existing = identity.createUserQuery().userId(staff.id()).singleResult();
    if (existing == null) {
      if (staff.password() == null || staff.password().isBlank()) {
        problems.add(where + ": staff '" + staff.id() + "' is new and needs a password");
      } else {
        User candidate = identity.newUser(staff.id());
        candidate.setFirstName(staff.firstName() == null ? staff.id() : staff.firstName());
        candidate.setLastName(staff.lastName());
        candidate.setEmail(staff.email());
        PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(staff.password(), candidate);
        if (!result.isValid()) {
          problems.add(where + ": password of '" + staff.id() + "' does not meet the password policy ("
              + "at least 10 characters with upper and lower case letters, a digit and a symbol, "
              + "not containing the staff id or name)");
        }
      }
    }
  }

  boolean accountExists(String id) {
    return identity.createUserQuery().userId(id).count() > 0;
  }

  private boolean isOperator(String id) {
    return identity.createUserQuery().userId(id).memberOfGroup(StaffGroups.OPERATOR).count() > 0;
  }

  private void checkNotInOtherTenant(String staffId, String slug, List<String> problems) {
    identity.createTenantQuery().userMember(staffId).list().stream()
        .filter(tenant -> !tenant.getId().equals(slug))
        .findFirst()
        .ifPresent(other -> problems.add("tenant '" + slug + "': staff id '" + staffId
            + "' already belongs to tenant '" + other.getId() + "'"));
  }
}
