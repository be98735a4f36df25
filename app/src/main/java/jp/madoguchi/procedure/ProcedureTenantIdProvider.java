package jp.madoguchi.procedure;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Shared procedures are deployed without a tenant; each instance belongs to the tenant it is
 * started for: the app's {@link TenantContext}, the parent instance, or the tenant of the
 * logged-in staff member (who belongs to exactly one).
 */
class ProcedureTenantIdProvider implements TenantIdProvider {

  private final Supplier<IdentityService> identity;

  ProcedureTenantIdProvider(Supplier<IdentityService> identity) {
    this.identity = identity;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    return TenantContext.current().orElseGet(this::tenantOfCurrentStaff);
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return TenantContext.current().orElseGet(this::tenantOfCurrentStaff);
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    if (ctx.getExecution() != null) {
      return ctx.getExecution().getTenantId();
    }
    return TenantContext.current().orElseGet(this::tenantOfCurrentStaff);
  }

  private String tenantOfCurrentStaff() {
    Authentication authentication = identity.get().getCurrentAuthentication();
    if (authentication == null) {
      return null;
    }
    List<String> tenants = authentication.getTenantIds();
    return tenants != null && tenants.size() == 1 ? tenants.get(0) : null;
  }
}
