package jp.madoguchi.payment;

import java.util.UUID;

import jp.madoguchi.callback.CallbackRejectedException;
import org.springframework.http.HttpHeaders;

/**
 * A payment service (card, QR code, convenience store ...). One implementation is active,
 * chosen by {@code madoguchi.payment.provider}; the simulated one ships for the demo and tests.
 */
public interface PaymentProvider {

  /** The name stored with each payment, e.g. {@code simulated}. */
  String name();

  /** Creates a payment at the provider; the resident opens {@code payUrl}. */
  Created create(String tenantId, UUID paymentId, int amountYen, String description);

  /** Tells the provider the payment can no longer be made (deadline passed). */
  void cancel(String tenantId, String providerRef);

  /**
   * Authenticates a callback and reads it.
   *
   * @throws CallbackRejectedException when the callback is not signed by the provider
   */
  CallbackEvent parseCallback(String tenantId, HttpHeaders headers, byte[] body) throws CallbackRejectedException;

  record Created(String providerRef, String payUrl) {
  }

  /** {@code eventId} is unique per provider event: a redelivery carries the same id. */
  record CallbackEvent(String eventId, String providerRef, Outcome outcome) {
  }

  enum Outcome { PAID, FAILED }
}
