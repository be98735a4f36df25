package jp.madoguchi.tenant;

import jp.madoguchi.department.DepartmentDirectory;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.staff.StaffGroups;
import jp.madoguchi.tenant.AppliedSeedEntries.Kind;
import jp.madoguchi.tenant.TenantRepository.LineSettings;
import jp.madoguchi.tenant.TenantRepository.NewTenant;
import jp.madoguchi.tenant.TenantsSeed.LineSeed;
import jp.madoguchi.tenant.TenantsSeed.StaffSeed;
import jp.madoguchi.tenant.TenantsSeed.TenantSeed;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates a tenant in the app and in Camunda's identity service, with its staff. Each staff account,
 * membership and department name of the seed is applied once ({@link AppliedSeedEntries}); the
 * tenant itself and the groups' grants are ensured at every start.
 */
@Component
class TenantProvisioning {

  private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);

  private final TenantRepository tenants;
  private final TenantKeys keys;
  private final IdentityService identity;
  private final StaffAuthorizations authorizations;
  private final DepartmentDirectory departments;
  private final AppliedSeedEntries applied;

  TenantProvisioning(TenantRepository tenants, TenantKeys keys, IdentityService identity,
      StaffAuthorizations authorizations, DepartmentDirectory departments, AppliedSeedEntries applied) {
    this.tenants = tenants;
    this.keys = keys;
    this.identity = identity;
    this.authorizations = authorizations;
    this.departments = departments;
    this.applied = applied;
  }

  void ensureTenant(TenantSeed seed) {
    if (!tenants.exists(seed.slug())) {
      tenants.insert(newTenant(seed));
      log.info("Tenant {} created", seed.slug());
    }
    if (identity.createTenantQuery().tenantId(seed.slug()).count() == 0) {
      var camundaTenant = identity.newTenant(seed.slug());
      camundaTenant.setName(seed.name());
      identity.saveTenant(camundaTenant);
    }
    for (StaffSeed staff : seed.staff()) {
      String tenantId = seed.slug();
      if (!applied.applied(tenantId, Kind.STAFF, staff.id())) {
        ensureUser(staff);
        if (identity.createTenantQuery().tenantId(tenantId).userMember(staff.id()).count() == 0) {
          identity.createTenantUserMembership(tenantId, staff.id());
        }
        applied.record(tenantId, Kind.STAFF, staff.id());
      }
      for (String group : staff.groups()) {
        String membership = staff.id() + "/" + group;
        if (!applied.applied(tenantId, Kind.MEMBERSHIP, membership)) {
          ensureMembership(staff.id(), group);
          applied.record(tenantId, Kind.MEMBERSHIP, membership);
        }
        if (StaffGroups.TENANT_ADMIN.equals(group)) {
          authorizations.ensureTenantAdmin();
        } else {
          authorizations.ensureClerk(group);
        }
      }
    }
    nameDepartments(seed.slug(), seed.departments());
  }

  private void nameDepartments(String tenantId, Map<String, String> names) {
    Map<String, String> notYetApplied = new LinkedHashMap<>();
    names.forEach((department, name) -> {
      if (!applied.applied(tenantId, Kind.DEPARTMENT_NAME, department)) {
        notYetApplied.put(department, name);
      }
    });
    departments.seed(tenantId, notYetApplied);
    notYetApplied.keySet().forEach(department -> applied.record(tenantId, Kind.DEPARTMENT_NAME, department));
  }

  void ensureOperator(StaffSeed operator) {
    if (!applied.applied(AppliedSeedEntries.DEPLOYMENT, Kind.OPERATOR, operator.id())) {
      ensureUser(operator);
      ensureMembership(operator.id(), StaffGroups.OPERATOR);
      applied.record(AppliedSeedEntries.DEPLOYMENT, Kind.OPERATOR, operator.id());
    }
    authorizations.ensureOperator(operator.id());
  }

  private NewTenant newTenant(TenantSeed seed) {
    byte[] dataKey = keys.newWrappedKey(seed.slug());
    LineSeed line = seed.line();
    return new NewTenant(seed.slug(), seed.name(), dataKey,
        encrypt(dataKey, seed.slug(), LineSettings.SECRET_PURPOSE, line.channelSecret()),
        encrypt(dataKey, seed.slug(), LineSettings.TOKEN_PURPOSE, line.channelAccessToken()),
        line.loginChannelId(), line.liffId(), seed.staffAllowedCidrs());
  }

  private byte[] encrypt(byte[] dataKey, String tenantId, String purpose, String value) {
    return value == null || value.isBlank() ? null : keys.encryptWith(dataKey, tenantId, purpose, value);
  }

  private void ensureUser(StaffSeed staff) {
    if (identity.createUserQuery().userId(staff.id()).count() > 0) {
      return;
    }
    User user = identity.newUser(staff.id());
    user.setPassword(staff.password());
    user.setFirstName(staff.firstName() == null ? staff.id() : staff.firstName());
    user.setLastName(staff.lastName() == null ? "" : staff.lastName());
    user.setEmail(staff.email());
    identity.saveUser(user);
  }

  private void ensureMembership(String userId, String groupId) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(groupId);
      group.setType(StaffGroups.OPERATOR.equals(groupId) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
