package jp.madoguchi.tenant;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.department.DepartmentDirectory;
import jp.madoguchi.tenant.ProvisioningLedger.Kind;
import jp.madoguchi.tenant.TenantRepository.LineSettings;
import jp.madoguchi.tenant.TenantRepository.NewTenant;
import jp.madoguchi.tenant.TenantsSeed.LineSeed;
import jp.madoguchi.tenant.TenantsSeed.TenantSeed;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates a tenant of the seed file or of an operator's request in the app and in Camunda's identity service, with its staff
 * ({@link SeededAccounts}) and department names, each applied once when it comes from the seed file
 * ({@link ProvisioningLedger}); the tenant itself is ensured at every start.
 */
@Component
class TenantProvisioning {

  private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);

  private final TenantRepository tenants;
  private final TenantKeys keys;
  private final IdentityService identity;
  private final SeededAccounts accounts;
  private final DepartmentDirectory departments;

  TenantProvisioning(TenantRepository tenants, TenantKeys keys, IdentityService identity, SeededAccounts accounts,
      DepartmentDirectory departments) {
    this.tenants = tenants;
    this.keys = keys;
    this.identity = identity;
    this.accounts = accounts;
    this.departments = departments;
  }

  /** {@code temporaryPasswords}: every account created must replace its password at first sign-in. */
  void ensureTenant(TenantSeed seed, ProvisioningLedger ledger, boolean temporaryPasswords) {
    String tenantId = seed.slug();
    if (!tenants.exists(tenantId)) {
      tenants.insert(newTenant(seed));
      log.info("Tenant {} created", tenantId);
      ledger.log(tenantId, "tenant.created", tenantId, null, null);
    }
    if (identity.createTenantQuery().tenantId(tenantId).count() == 0) {
      var camundaTenant = identity.newTenant(tenantId);
      camundaTenant.setName(seed.name());
      identity.saveTenant(camundaTenant);
    }
    seed.staff().forEach(staff -> accounts.ensureStaff(tenantId, staff, ledger, temporaryPasswords));
    nameDepartments(tenantId, seed.departments(), ledger);
  }

  private void nameDepartments(String tenantId, Map<String, String> names, ProvisioningLedger ledger) {
    Map<String, String> notYetApplied = new LinkedHashMap<>(names);
    notYetApplied.keySet().removeIf(department -> ledger.applied(tenantId, Kind.DEPARTMENT_NAME, department));
    departments.seed(tenantId, notYetApplied)
        .forEach((department, name) -> ledger.log(tenantId, "department.named", department, "name", name));
    notYetApplied.keySet().forEach(department -> ledger.record(tenantId, Kind.DEPARTMENT_NAME, department));
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
}
