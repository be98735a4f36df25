package jp.madoguchi.tenant;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.staff.StaffAccounts;
import jp.madoguchi.staff.StaffGroups;
import jp.madoguchi.tenant.ProvisioningLedger.Kind;
import jp.madoguchi.tenant.TenantsSeed.StaffSeed;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The staff accounts and operators of the tenants seed file (or of an operator's request): from the
 * file, each account and each of its groups applied once ({@link ProvisioningLedger}), so what the
 * municipality's administrator changed since stays; the groups' grants ensured at every start.
 */
@Component
class SeededAccounts {

  private final IdentityService identity;
  private final StaffAuthorizations authorizations;

  private final StaffAccounts accounts;

  SeededAccounts(IdentityService identity, StaffAuthorizations authorizations, StaffAccounts accounts) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.accounts = accounts;
  }

  void ensureStaff(String tenantId, StaffSeed staff, ProvisioningLedger ledger, boolean temporaryPassword) {
    boolean created = false;
    if (!ledger.applied(tenantId, Kind.STAFF, staff.id())) {
      created = ensureUser(staff, temporaryPassword);
      if (identity.createTenantQuery().tenantId(tenantId).userMember(staff.id()).count() == 0) {
        identity.createTenantUserMembership(tenantId, staff.id());
      }
      ledger.record(tenantId, Kind.STAFF, staff.id());
    }
    List<String> given = new ArrayList<>();
    for (String group : staff.groups()) {
      String membership = staff.id() + "/" + group;
      if (!ledger.applied(tenantId, Kind.MEMBERSHIP, membership)) {
        if (ensureMembership(staff.id(), group)) {
          given.add(group);
        }
        ledger.record(tenantId, Kind.MEMBERSHIP, membership);
      }
      if (StaffGroups.TENANT_ADMIN.equals(group)) {
        authorizations.ensureTenantAdmin();
      } else {
        authorizations.ensureClerk(group);
      }
    }
    if (created) {
      ledger.log(tenantId, "staff.created", staff.id(), "roles", String.join(",", given));
    } else if (!given.isEmpty()) {
      ledger.log(tenantId, "staff.updated", staff.id(), "rolesAdded", String.join(",", given));
    }
  }

  void ensureOperator(StaffSeed operator, ProvisioningLedger ledger, boolean temporaryPassword) {
    if (!ledger.applied(SeedFileLedger.DEPLOYMENT, Kind.OPERATOR, operator.id())) {
      boolean created = ensureUser(operator, temporaryPassword);
      ensureMembership(operator.id(), StaffGroups.OPERATOR);
      ledger.record(SeedFileLedger.DEPLOYMENT, Kind.OPERATOR, operator.id());
      if (created) {
        ledger.log(null, "staff.created", operator.id(), "roles", StaffGroups.OPERATOR);
      }
    }
    authorizations.ensureOperator(operator.id());
  }

  /** Creates the account unless it exists; true when it was created. */
  private boolean ensureUser(StaffSeed staff, boolean temporaryPassword) {
    if (identity.createUserQuery().userId(staff.id()).count() > 0) {
      return false;
    }
    User user = identity.newUser(staff.id());
    user.setPassword(staff.password());
    user.setFirstName(staff.firstName() == null ? staff.id() : staff.firstName());
    user.setLastName(staff.lastName() == null ? "" : staff.lastName());
    user.setEmail(staff.email());
    identity.saveUser(user);
    if (temporaryPassword) {
      accounts.setMustChangePassword(staff.id(), true);
    }
    return true;
  }

  /** Makes the account a member of the group unless it is; true when it was not. */
  private boolean ensureMembership(String userId, String groupId) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(groupId);
      group.setType(StaffGroups.OPERATOR.equals(groupId) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
      return true;
    }
    return false;
  }
}
