package jp.madoguchi.line;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.tenant.TenantKeys;
import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Decrypts a tenant's LINE channel settings once and keeps them in memory. */
@Component
public class LineChannels {

  private final TenantRepository tenants;
  private final TenantKeys keys;
  private final Map<String, Optional<LineChannel>> cache = new ConcurrentHashMap<>();

  LineChannels(TenantRepository tenants, TenantKeys keys) {
    this.tenants = tenants;
    this.keys = keys;
  }

  /**
   * The channel of an active tenant. Only channels found are kept: a tenant without one (unknown,
   * not configured yet, suspended) is looked up again next time, so another node's change is seen.
   */
  public Optional<LineChannel> find(String tenantId) {
    Optional<LineChannel> known = cache.get(tenantId);
    if (known != null) {
      return known;
    }
    Optional<LineChannel> loaded = load(tenantId);
    loaded.ifPresent(channel -> cache.put(tenantId, loaded));
    return loaded;
  }

  /** A tenant whose status changed on this node keeps no decrypted channel secrets here; other nodes go by the tenant's status. */
  @EventListener
  void statusChanged(OperationEvent event) {
    if ("tenant.status-changed".equals(event.kind())) {
      cache.remove(event.target());
    }
  }

  private Optional<LineChannel> load(String tenantId) {
    return tenants.lineSettings(tenantId)
        .filter(settings -> settings.channelSecret() != null && settings.channelAccessToken() != null)
        .map(settings -> new LineChannel(tenantId,
            keys.decrypt(tenantId, "line_channel_secret", settings.channelSecret()),
            keys.decrypt(tenantId, "line_channel_access_token", settings.channelAccessToken()),
            settings.liffId()));
  }
}
