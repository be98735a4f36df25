package jp.madoguchi.payment;

import java.util.Map;

import jp.madoguchi.callback.CallbackRejectedException;
import jp.madoguchi.callback.ProviderCallback;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment provider's server-to-server callback. The signature over the raw body is checked
 * before anything is read or written; a redelivered event is answered 200 and changes nothing.
 */
@RestController
@ProviderCallback
class PaymentCallbackController {

  private final PaymentProvider provider;
  private final PaymentCallbacks callbacks;

  PaymentCallbackController(PaymentProvider provider, PaymentCallbacks callbacks) {
    this.provider = provider;
    this.callbacks = callbacks;
  }

  @PostMapping("/payment/{tenant:[a-z0-9-]+}/callback")
  ResponseEntity<Map<String, Object>> callback(@PathVariable String tenant, @RequestHeader HttpHeaders headers,
      @RequestBody(required = false) byte[] body) throws CallbackRejectedException {
    PaymentProvider.CallbackEvent event = provider.parseCallback(tenant, headers, body == null ? new byte[0] : body);
    return ResponseEntity.ok(Map.of("result", callbacks.apply(tenant, event).name()));
  }
}
