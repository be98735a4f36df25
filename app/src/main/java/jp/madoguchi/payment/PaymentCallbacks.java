package jp.madoguchi.payment;

import java.time.Clock;
import java.util.Optional;

import jp.madoguchi.callback.SignedCallbacks;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an authenticated provider callback: once per provider event id, and only to a payment
 * that is still open; the waiting process continues in the same transaction.
 */
@Service
class PaymentCallbacks {

  static final String CHANNEL = "payment";
  static final String COMPLETED = "PaymentCompleted";
  static final String FAILED = "PaymentFailed";
  private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);

  enum Result { APPLIED, DUPLICATE, LATE, UNKNOWN }

  private final SignedCallbacks callbacks;
  private final PaymentRepository payments;
  private final RuntimeService runtime;
  private final Clock clock;

  PaymentCallbacks(SignedCallbacks callbacks, PaymentRepository payments, RuntimeService runtime, Clock clock) {
    this.callbacks = callbacks;
    this.payments = payments;
    this.runtime = runtime;
    this.clock = clock;
  }

  @Transactional
  public Result apply(String tenantId, PaymentProvider.CallbackEvent event) {
    if (!callbacks.recordFirstDelivery(tenantId, CHANNEL, event.eventId(), event.providerRef(), event.outcome().name())) {
      return Result.DUPLICATE;
    }
    Result result = settle(tenantId, event);
    callbacks.recordResult(tenantId, CHANNEL, event.eventId(), result.name());
    return result;
  }

  private Result settle(String tenantId, PaymentProvider.CallbackEvent event) {
    Optional<Payment> found = payments.findByProviderRef(tenantId, event.providerRef());
    if (found.isEmpty()) {
      log.warn("Payment callback for an unknown provider reference in tenant {}", tenantId);
      return Result.UNKNOWN;
    }
    Payment payment = found.get();
    boolean paid = event.outcome() == PaymentProvider.Outcome.PAID;
    if (payment.status() != Payment.Status.REQUESTED
        || !payments.settle(tenantId, payment.id(), paid ? Payment.Status.PAID : Payment.Status.FAILED, clock.instant())) {
      // e.g. paid after the deadline cancelled it: kept for the clerks (refund), the process has moved on
      log.warn("Payment callback {} for payment {} in status {} left it unchanged", event.outcome(), payment.id(),
          payment.status());
      return Result.LATE;
    }
    runtime.createMessageCorrelation(paid ? COMPLETED : FAILED)
        .processInstanceId(payment.processInstanceId())
        .setVariable("paymentStatus", paid ? "PAID" : "FAILED")
        .correlateAllWithResult();
    return Result.APPLIED;
  }
}
