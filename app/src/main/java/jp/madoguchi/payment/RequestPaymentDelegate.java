package jp.madoguchi.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ApplicationRepository;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.StepInputCheck;
import jp.madoguchi.procedure.StepInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The reusable "手数料の支払いを依頼" step: creates a payment at the provider for the input
 * parameters {@code amount} (whole yen, e.g. {@code ${copies * 300}}) and {@code paymentDescription}.
 * It tells the resident nothing itself: a notify step and the application detail page do. The
 * process then waits for the messages {@code PaymentCompleted} / {@code PaymentFailed} or a timer.
 * Sets {@code paymentId} and {@code paymentAmount}.
 */
@ProcedureBuildingBlock(value = "requestPayment",
    requiredInputs = {RequestPaymentDelegate.AMOUNT, RequestPaymentDelegate.DESCRIPTION})
class RequestPaymentDelegate implements JavaDelegate, StepInputCheck {

  static final String AMOUNT = "amount";
  static final String DESCRIPTION = "paymentDescription";
  static final int MAX_AMOUNT = 10_000_000;

  private final PaymentProvider provider;
  private final PaymentRepository payments;
  private final ApplicationRepository applications;
  private final Clock clock;

  RequestPaymentDelegate(PaymentProvider provider, PaymentRepository payments, ApplicationRepository applications,
      Clock clock) {
    this.provider = provider;
    this.payments = payments;
    this.applications = applications;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = execution.getCurrentActivityId();
    int amount = amount(step, execution.getVariableLocal(AMOUNT));
    if (!isDescription(execution.getVariableLocal(DESCRIPTION))) {
      throw StepInputs.modellingError("Request payment step " + step
          + " needs the input parameter 'paymentDescription' (text, at most 200 characters)");
    }
    String tenantId = execution.getTenantId();
    ApplicationRecord application = applications.findByProcessInstance(tenantId, execution.getProcessInstanceId())
        .orElseThrow(() -> StepInputs.modellingError("Request payment before the application was registered"));
    UUID id = UUID.randomUUID();
    String description = (String) execution.getVariableLocal(DESCRIPTION);
    PaymentProvider.Created created = provider.create(tenantId, id, amount, description);
    payments.insert(new Payment(id, tenantId, application.id(), execution.getProcessInstanceId(), amount, description,
        Payment.Status.REQUESTED, provider.name(), created.providerRef(), created.payUrl(), clock.instant(), null));
    execution.setVariable("paymentId", id.toString());
    execution.setVariable("paymentAmount", amount);
  }

  /** A positive whole number of yen; anything else is a modelling error the designer must see. */
  static int amount(String step, Object value) {
    Integer yen = yen(value);
    if (yen == null) {
      throw StepInputs.modellingError("Request payment step " + step + ": 'amount' must be a whole number of yen "
          + "from 1 to " + MAX_AMOUNT + ", e.g. ${copies * 300}; it was " + describe(value));
    }
    return yen;
  }

  private static Integer yen(Object value) {
    BigDecimal yen = null;
    try {
      if (value instanceof Integer || value instanceof Long || value instanceof Short) {
        yen = BigDecimal.valueOf(((Number) value).longValue());
      } else if (value instanceof BigDecimal decimal) {
        yen = decimal;
      } else if (value instanceof Double || value instanceof Float) {
        yen = BigDecimal.valueOf(((Number) value).doubleValue());
      } else if (value instanceof String text) {
        yen = new BigDecimal(text.trim());
      }
    } catch (NumberFormatException e) {
      return null;
    }
    if (yen == null || yen.signum() <= 0 || yen.stripTrailingZeros().scale() > 0
        || yen.compareTo(BigDecimal.valueOf(MAX_AMOUNT)) > 0) {
      return null;
    }
    return yen.intValueExact();
  }

  private static boolean isDescription(Object value) {
    return value instanceof String description && !description.isBlank() && description.length() <= 200;
  }

  @Override
  public String[] problem(String input, String written) {
    if (AMOUNT.equals(input) && yen(written) == null) {
      return new String[] {"手数料 amount「" + written + "」は 1 から " + MAX_AMOUNT + " までの円の整数で書いてください（例：300、${copies * 300}）",
          "write the amount '" + written + "' as a whole number of yen from 1 to " + MAX_AMOUNT + ", e.g. 300 or ${copies * 300}"};
    }
    if (DESCRIPTION.equals(input) && !isDescription(written)) {
      return new String[] {"支払いの内容 paymentDescription は 200 字までで書いてください",
          "write the paymentDescription in at most 200 characters"};
    }
    return null;
  }

  private static String describe(Object value) {
    return value == null ? "empty" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
  }
}
