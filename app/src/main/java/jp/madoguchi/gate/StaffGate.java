package jp.madoguchi.gate;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.gate.TenantDirectory.TenantGate;
import jp.madoguchi.staff.StaffAccounts;
import jp.madoguchi.staff.StaffAccounts.AccountFlags;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.tenant.IpRange;
import org.springframework.stereotype.Component;

/**
 * The one decision whether a signed-in staff member may use a staff surface now, from where they
 * are: the account is enabled, its password is not an initial one, their municipality is active
 * and the address is in their municipality's allow-list (operators: the operators' list).
 */
@Component
public class StaffGate {

  private final TenantDirectory tenants;
  private final StaffAccounts accounts;
  private final List<IpRange> operatorRanges;

  StaffGate(TenantDirectory tenants, StaffAccounts accounts, GateProperties properties) {
    this.tenants = tenants;
    this.accounts = accounts;
    this.operatorRanges = properties.operatorAllowedCidrs().stream().map(IpRange::parse).toList();
  }

  /** Why the member is refused, or empty when they may go on. */
  public Optional<GateRefusal> check(StaffMember member, String clientAddress) {
    return check(member, clientAddress, false);
  }

  /** As {@link #check}, for the one thing a person with an initial password may do: change it. */
  public Optional<GateRefusal> checkForPasswordChange(StaffMember member, String clientAddress) {
    return check(member, clientAddress, true);
  }

  private Optional<GateRefusal> check(StaffMember member, String clientAddress, boolean changingPassword) {
    AccountFlags flags = accounts.flags(member.id());
    if (flags.disabled()) {
      return Optional.of(GateRefusal.accountDisabled());
    }
    if (member.hasForbiddenRoles()) {
      return Optional.of(GateRefusal.forbiddenRoles());
    }
    Optional<InetAddress> address = ClientAddresses.parse(clientAddress);
    if (member.isOperator() && !allowed(operatorRanges, address)) {
      return Optional.of(GateRefusal.addressNotAllowed(clientAddress));
    }
    if (!member.isOperator() && member.tenants().isEmpty()) {
      return Optional.of(GateRefusal.noTenant());
    }
    for (String tenantId : member.tenants()) {
      Optional<TenantGate> tenant = tenants.find(tenantId);
      if (tenant.isEmpty() || !tenant.get().active()) {
        return Optional.of(GateRefusal.tenantSuspended());
      }
      if (!allowed(tenant.get().allowedRanges(), address)) {
        return Optional.of(GateRefusal.addressNotAllowed(clientAddress));
      }
    }
    if (flags.mustChangePassword() && !changingPassword) {
      return Optional.of(GateRefusal.passwordChangeRequired());
    }
    return Optional.empty();
  }

  /** Whether an address is in a list; an empty list restricts nothing. */
  static boolean allowed(List<IpRange> ranges, Optional<InetAddress> address) {
    return ranges.isEmpty() || address.isPresent() && ranges.stream().anyMatch(range -> range.contains(address.get()));
  }
}
