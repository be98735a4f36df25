package jp.madoguchi.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.madoguchi.tenant.TenantsSeed.LineSeed;
import jp.madoguchi.tenant.TenantsSeed.StaffSeed;
import jp.madoguchi.tenant.TenantsSeed.TenantSeed;
import jp.madoguchi.staff.StaffGroups;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new municipality created by an operator at run time, with its first tenant admin (who must replace
 * the password the operator chose at first sign-in): the same
 * checks and the same provisioning as the seed file.
 */
@Component
public class TenantCreation {

  private final TenantSeedValidator validator;
  private final TenantProvisioning provisioning;
  private final TenantRepository tenants;

  TenantCreation(TenantSeedValidator validator, TenantProvisioning provisioning, TenantRepository tenants) {
    this.validator = validator;
    this.provisioning = provisioning;
    this.tenants = tenants;
  }

  /** What is wrong with the request (empty when it can be created); an existing slug is a conflict. */
  public List<TenantProblem> problems(NewTenant tenant) {
    List<TenantProblem> problems = new ArrayList<>(validator.problems(new TenantsSeed(List.of(seed(tenant)), List.of())));
    TenantSeedValidator.Where where = TenantSeedValidator.Where.tenant(tenant.slug());
    if (tenant.slug() != null && tenants.exists(tenant.slug())) {
      problems.add(TenantProblem.conflict("自治体「" + tenant.slug() + "」はすでにあります",
          "tenant '" + tenant.slug() + "' already exists"));
    }
    if (tenant.admin() == null || tenant.admin().id() == null) {
      problems.add(where.problem("最初の管理者（admin.id、admin.password）を指定してください",
          "the first tenant admin (admin.id, admin.password) is required"));
    } else if (validator.accountExists(tenant.admin().id())) {
      problems.add(where.problem("管理者「" + tenant.admin().id() + "」はすでにあるアカウントです。最初の管理者には新しいアカウントを指定してください",
          "admin '" + tenant.admin().id() + "' already exists; the first tenant admin must be a new account"));
    }
    return problems;
  }

  @Transactional
  public void create(NewTenant tenant) {
    List<TenantProblem> problems = problems(tenant);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems.stream().map(TenantProblem::en).toList()));
    }
    provisioning.ensureTenant(seed(tenant), ProvisioningLedger.OPERATOR_REQUEST, true);
  }

  private static TenantSeed seed(NewTenant tenant) {
    NewStaff admin = tenant.admin();
    List<StaffSeed> staff = admin == null ? List.of() : List.of(new StaffSeed(admin.id(), admin.password(),
        List.of(StaffGroups.TENANT_ADMIN), admin.firstName(), admin.lastName(), admin.email()));
    return new TenantSeed(tenant.slug(), tenant.name(), new LineSeed(tenant.channelSecret(), tenant.channelAccessToken(),
        tenant.loginChannelId(), tenant.liffId()), tenant.staffAllowedCidrs(), staff, Map.of());
  }

  public record NewTenant(String slug, String name, String channelSecret, String channelAccessToken,
      String loginChannelId, String liffId, List<String> staffAllowedCidrs, NewStaff admin) {
  }

  public record NewStaff(String id, String password, String firstName, String lastName, String email) {
  }
}
