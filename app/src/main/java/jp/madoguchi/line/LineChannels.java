package jp.madoguchi.line;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.tenant.TenantKeys;
import jp.madoguchi.tenant.TenantRepository;
import jp.madoguchi.tenant.TenantRepository.LineSettings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decrypts a tenant's LINE channel settings and keeps them in memory for a minute, so that
 * credentials replaced on another node are used here within that time.
 */
@Component
public class LineChannels {

  static final Duration KEPT = Duration.ofMinutes(1);

  private record Loaded(LineChannel channel, Instant at) {
  }

  private final TenantRepository tenants;
  private final TenantKeys keys;
  private final Clock clock;
  private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

  LineChannels(TenantRepository tenants, TenantKeys keys, Clock clock) {
    this.tenants = tenants;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * The channel of an active tenant. Only channels found are kept: a tenant without one (unknown,
   * not configured yet, suspended) is looked up again next time, so another node's change is seen.
   */
  public Optional<LineChannel> find(String tenantId) {
    Loaded known = cache.get(tenantId);
    Instant now = clock.instant();
    if (known != null && known.at().plus(KEPT).isAfter(now)) {
      return Optional.of(known.channel());
    }
    Optional<LineChannel> loaded = load(tenantId);
    loaded.ifPresentOrElse(channel -> cache.put(tenantId, new Loaded(channel, now)), () -> cache.remove(tenantId));
    return loaded;
  }

  /** Forgets what this node keeps of the tenant's channel: the next call reads it again. */
  void forget(String tenantId) {
    cache.remove(tenantId);
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
            keys.decrypt(tenantId, LineSettings.SECRET_PURPOSE, settings.channelSecret()),
            keys.decrypt(tenantId, LineSettings.TOKEN_PURPOSE, settings.channelAccessToken()),
            settings.liffId()));
  }
}
