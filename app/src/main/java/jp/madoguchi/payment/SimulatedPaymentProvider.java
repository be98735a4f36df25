package jp.madoguchi.payment;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.callback.CallbackRejectedException;
import jp.madoguchi.callback.SignedCallbacks;
import jp.madoguchi.callback.SimulatorCallbacks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * A stand-in payment service for the demo and the tests. Its pay page is the LIFF page
 * {@code /liff/{tenant}/pay/{paymentId}}; what the resident does there reaches the app as a
 * signed server-to-server callback, like a real provider's (see {@link SimulatedPaymentController}).
 */
@Component
@ConditionalOnProperty(prefix = "madoguchi.payment", name = "provider", havingValue = "simulated")
class SimulatedPaymentProvider implements PaymentProvider {

  private final SignedCallbacks callbacks;
  private final ObjectMapper json;

  SimulatedPaymentProvider(SignedCallbacks callbacks, ObjectMapper json) {
    this.callbacks = callbacks;
    this.json = json;
  }

  @Override
  public String name() {
    return "simulated";
  }

  @Override
  public Created create(String tenantId, UUID paymentId, int amountYen, String description) {
    return new Created("sim_" + paymentId, "/liff/" + tenantId + "/pay/" + paymentId);
  }

  @Override
  public void cancel(String tenantId, String providerRef) {
    // the simulator reads the payment's status itself: an EXPIRED payment cannot be paid there
  }

  @Override
  public CallbackEvent parseCallback(String tenantId, HttpHeaders headers, byte[] body)
      throws CallbackRejectedException {
    if (!callbacks.verify(tenantId, PaymentCallbacks.CHANNEL, body, headers.getFirst(SimulatorCallbacks.SIGNATURE_HEADER))) {
      throw new CallbackRejectedException("署名を確認できませんでした (missing or invalid " + SimulatorCallbacks.SIGNATURE_HEADER + ")");
    }
    return SimulatedCallbackMessage.read(json, body).toEvent();
  }
}
