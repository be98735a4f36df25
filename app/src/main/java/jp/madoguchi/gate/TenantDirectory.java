package jp.madoguchi.gate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.tenant.IpRange;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.Tenant.TenantStatus;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.stereotype.Component;

/**
 * A tenant's status and staff allow-list as every staff and resident request needs them, read
 * from the database at most once per {@code madoguchi.gate.tenant-cache-ttl} per tenant and node.
 * Only tenants that exist are remembered: names taken from request paths would otherwise let
 * anyone grow the cache without bound.
 */
@Component
public class TenantDirectory {

  private final TenantRepository tenants;
  private final GateProperties properties;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  TenantDirectory(TenantRepository tenants, GateProperties properties, Clock clock) {
    this.tenants = tenants;
    this.properties = properties;
    this.clock = clock;
  }

  /** What the gate knows of a tenant; empty when no such tenant exists. */
  public Optional<TenantGate> find(String tenantId) {
    if (tenantId == null || tenantId.length() > 64) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Entry entry = cache.get(tenantId);
    if (entry == null || entry.readAt.plus(properties.tenantCacheTtl()).isBefore(now)) {
      Optional<TenantGate> read = tenants.findById(tenantId).map(TenantDirectory::gate);
      if (read.isEmpty()) {
        cache.remove(tenantId);
        return read;
      }
      entry = new Entry(read, now);
      cache.put(tenantId, entry);
    }
    return entry.tenant;
  }

  /** How many tenants this node remembers. */
  int remembered() {
    return cache.size();
  }

  /** Forgets what was read, after a change on this node. */
  public void evict(String tenantId) {
    cache.remove(tenantId);
  }

  private static TenantGate gate(Tenant tenant) {
    return new TenantGate(tenant.id(), tenant.status(), tenant.staffAllowedCidrs().stream().map(IpRange::parse).toList());
  }

  private record Entry(Optional<TenantGate> tenant, Instant readAt) {
  }

  /** @param allowedRanges empty = staff may come from anywhere */
  public record TenantGate(String id, TenantStatus status, List<IpRange> allowedRanges) {

    public boolean active() {
      return status == TenantStatus.ACTIVE;
    }
  }
}
