package jp.madoguchi.gate;

import java.util.List;

import jp.madoguchi.tenant.IpRange;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.stereotype.Component;

/** Reads and replaces a tenant's staff allow-list; a change applies on this node at once. */
@Component
public class AllowLists {

  private final TenantRepository tenants;
  private final TenantDirectory directory;

  AllowLists(TenantRepository tenants, TenantDirectory directory) {
    this.tenants = tenants;
    this.directory = directory;
  }

  public List<String> cidrs(String tenantId) {
    return tenants.findById(tenantId).map(Tenant::staffAllowedCidrs).orElse(List.of());
  }

  public void replace(String tenantId, List<String> cidrs) {
    tenants.updateStaffAllowedCidrs(tenantId, cidrs);
    directory.evict(tenantId);
  }

  /** Whether the list (valid CIDRs) lets this address in; an empty list lets everyone in. */
  public static boolean admits(List<String> cidrs, String address) {
    return StaffGate.allowed(cidrs.stream().map(IpRange::parse).toList(), ClientAddresses.parse(address));
  }
}
