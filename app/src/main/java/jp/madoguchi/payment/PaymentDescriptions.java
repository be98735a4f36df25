package jp.madoguchi.payment;

import jp.madoguchi.tenant.TenantKeys;
import org.springframework.stereotype.Component;

/** Opens a payment's stored description (what the fee is for) for the tenant's export, as the repository does. */
@Component
public class PaymentDescriptions {

  private final TenantKeys keys;

  PaymentDescriptions(TenantKeys keys) {
    this.keys = keys;
  }

  /** @param clear the description of a row written before descriptions were sealed (changelog 070) */
  public String open(String tenantId, byte[] sealed, String clear) {
    return sealed == null ? clear : keys.decrypt(tenantId, PaymentRepository.DESCRIPTION, sealed);
  }
}
