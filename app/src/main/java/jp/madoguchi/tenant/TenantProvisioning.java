package jp.madoguchi.tenant;

import jp.madoguchi.department.DepartmentDirectory;
import jp.madoguchi.staff.StaffGroups;
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

/** Creates a tenant in the app and in Camunda's identity service, with its staff. Idempotent. */
@Component
class TenantProvisioning {

  private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);

  private final TenantRepository tenants;
  private final TenantKeys keys;
  private final IdentityService identity;
  private final StaffAuthorizations authorizations;
  private final DepartmentDirectory departments;

  TenantProvisioning(TenantRepository tenants, TenantKeys keys, IdentityService identity,
      StaffAuthorizations authorizations, DepartmentDirectory departments) {
    this.tenants = tenants;
    this.keys = keys;
    this.identity = identity;
    this.authorizations = authorizations;
    this.departments = departments;
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
      ensureUser(staff);
      if (identity.createTenantQuery().tenantId(seed.slug()).userMember(staff.id()).count() == 0) {
        identity.createTenantUserMembership(seed.slug(), staff.id());
      }
      for (String group : staff.groups()) {
        ensureMembership(staff.id(), group);
        if (StaffGroups.TENANT_ADMIN.equals(group)) {
          authorizations.ensureTenantAdmin();
        } else {
          authorizations.ensureClerk(group);
        }
      }
    }
    departments.seed(seed.slug(), seed.departments());
  }

  void ensureOperator(StaffSeed operator) {
    ensureUser(operator);
    ensureMembership(operator.id(), StaffGroups.OPERATOR);
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
