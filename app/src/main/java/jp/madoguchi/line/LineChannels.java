package jp.madoguchi.line;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.tenant.TenantKeys;
import jp.madoguchi.tenant.TenantRepository;
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

  public Optional<LineChannel> find(String tenantId) {
    return cache.computeIfAbsent(tenantId, this::load);
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
