package jp.madoguchi.payment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ApplicationRepository;
import jp.madoguchi.callback.SimulatorCallbacks;
import jp.madoguchi.embedded.ConditionalOnEmbeddedDefault;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated provider's side of the pay page: shows the payment and, when the resident pays
 * or makes it fail, sends the provider's signed callback to the app over HTTP, as a real
 * provider would. The payment id in the URL is the only key, as with a provider's checkout link.
 */
@RestController
@RequestMapping("/api/{tenant}/simulated-payments/{id}")
@ConditionalOnProperty(prefix = "madoguchi.payment", name = "provider", havingValue = "simulated")
// like the LINE simulator, reachable only on the embedded demo: elsewhere nobody can pay or confirm here
@ConditionalOnEmbeddedDefault
class SimulatedPaymentController {

  private final PaymentRepository payments;
  private final ApplicationRepository applications;
  private final SimulatorCallbacks callbacks;
  private final ObjectMapper json;

  SimulatedPaymentController(PaymentRepository payments, ApplicationRepository applications,
      SimulatorCallbacks callbacks, ObjectMapper json) {
    this.payments = payments;
    this.applications = applications;
    this.callbacks = callbacks;
    this.json = json;
  }

  record Attempt(String outcome) {
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> show(@PathVariable String tenant, @PathVariable UUID id) {
    return payments.find(tenant, id).map(payment -> ResponseEntity.ok(view(payment)))
        .orElseGet(() -> notFound());
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> attempt(@PathVariable String tenant, @PathVariable UUID id,
      @RequestBody Attempt attempt, HttpServletRequest request) {
    Payment payment = payments.find(tenant, id).orElse(null);
    if (payment == null) {
      return notFound();
    }
    if (attempt == null || !("PAID".equals(attempt.outcome()) || "FAILED".equals(attempt.outcome()))) {
      return ResponseEntity.badRequest().body(Map.of("message", "outcome は PAID か FAILED です (outcome must be PAID or FAILED)"));
    }
    if (payment.status() != Payment.Status.REQUESTED) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(Map.of("message", "このお支払いはもう受け付けていません (the payment is " + payment.status() + ")"));
    }
    byte[] body = new SimulatedCallbackMessage(UUID.randomUUID().toString(), payment.providerRef(), attempt.outcome())
        .write(json);
    HttpStatusCode answer = callbacks.send(tenant, PaymentCallbacks.CHANNEL, request.getLocalPort(),
        "/payment/" + tenant + "/callback", body);
    if (!answer.is2xxSuccessful()) {
      return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
          .body(Map.of("message", "お支払いの結果を伝えられませんでした (callback answered " + answer.value() + ")"));
    }
    return ResponseEntity.ok(view(payments.find(tenant, id).orElseThrow()));
  }

  private Map<String, Object> view(Payment payment) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("amount", payment.amount());
    view.put("description", payment.description());
    view.put("status", payment.status().name());
    view.put("applicationNumber", applications.findByProcessInstance(payment.tenantId(), payment.processInstanceId())
        .map(ApplicationRecord::number).orElse(null));
    return view;
  }

  private static ResponseEntity<Map<String, Object>> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "このお支払いは見つかりません (no such payment)"));
  }
}
