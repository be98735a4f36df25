package jp.madoguchi.identity;

import jp.madoguchi.tenant.TenantKeys;
import org.springframework.stereotype.Component;

/** Opens the verified attributes of an identity request (JSON) for the tenant's export. */
@Component
public class IdentityAttributes {

  private final TenantKeys keys;

  IdentityAttributes(TenantKeys keys) {
    this.keys = keys;
  }

  /** @return null when nothing was verified */
  public String open(String tenantId, byte[] sealed) {
    return sealed == null ? null : keys.decrypt(tenantId, IdentityCallbacks.ATTRIBUTES_PURPOSE, sealed);
  }
}
