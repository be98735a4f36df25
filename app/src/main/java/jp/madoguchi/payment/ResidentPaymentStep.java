package jp.madoguchi.payment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ResidentStep;
import org.springframework.stereotype.Component;

/**
 * The fee in the application detail: what to pay and where while requested, the receipt (領収) once paid.
 * {@code payPath} is where the provider takes the payment (the simulator's LIFF page, or a provider's URL).
 */
@Component
class ResidentPaymentStep implements ResidentStep {

  private static final ZoneOffset JST = ZoneOffset.ofHours(9);

  private final PaymentRepository payments;

  ResidentPaymentStep(PaymentRepository payments) {
    this.payments = payments;
  }

  record View(int amount, String description, String status, String payPath, OffsetDateTime paidAt,
      String receiptNumber) {
  }

  @Override
  public String name() {
    return "payment";
  }

  @Override
  public Optional<Object> view(ApplicationRecord application) {
    return payments.latestOfApplication(application.tenantId(), application.id())
        .filter(payment -> payment.status() == Payment.Status.REQUESTED || payment.status() == Payment.Status.PAID)
        .map(payment -> payment.status() == Payment.Status.REQUESTED
            ? new View(payment.amount(), payment.description(), "REQUESTED", payment.payUrl(), null, null)
            : new View(payment.amount(), payment.description(), "PAID", null, payment.paidAt().atOffset(JST),
                payment.providerRef()));
  }
}
