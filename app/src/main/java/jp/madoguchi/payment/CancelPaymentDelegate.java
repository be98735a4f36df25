package jp.madoguchi.payment;

import java.time.Clock;

import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.StepInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The reusable "支払いを取り消す" step: the open payment becomes EXPIRED (input parameter
 * {@code cancelReason} = {@code expired}, the default, after the payment deadline) or CANCELLED
 * ({@code cancelled}, e.g. the application was withdrawn) and the provider is told, so a late
 * payment attempt is refused there. A callback that still arrives is recorded and changes nothing.
 * Does nothing when no payment is open.
 */
@ProcedureBuildingBlock("cancelPayment")
class CancelPaymentDelegate implements JavaDelegate {

  private final PaymentProvider provider;
  private final PaymentRepository payments;
  private final Clock clock;

  CancelPaymentDelegate(PaymentProvider provider, PaymentRepository payments, Clock clock) {
    this.provider = provider;
    this.payments = payments;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object reason = execution.getVariableLocal("cancelReason");
    Payment.Status status;
    if (reason == null || "expired".equals(reason)) {
      status = Payment.Status.EXPIRED;
    } else if ("cancelled".equals(reason)) {
      status = Payment.Status.CANCELLED;
    } else {
      throw StepInputs.modellingError("Cancel payment step " + execution.getCurrentActivityId()
          + ": 'cancelReason' must be 'expired' or 'cancelled', not '" + reason + "'");
    }
    String tenantId = execution.getTenantId();
    payments.requestedOfProcessInstance(tenantId, execution.getProcessInstanceId()).ifPresent(payment -> {
      if (payments.settle(tenantId, payment.id(), status, clock.instant())) {
        provider.cancel(tenantId, payment.providerRef());
      }
    });
  }
}
