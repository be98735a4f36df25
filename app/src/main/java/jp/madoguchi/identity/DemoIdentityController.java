package jp.madoguchi.identity;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The demo provider's side of the identity page: shows the request and sends the signed result when confirmed. */
@RestController
@RequestMapping("/api/{tenant}/demo-identity/{id}")
@ConditionalOnProperty(prefix = "madoguchi.identity", name = "provider", havingValue = "demo")
// like the LINE simulator, reachable only on the embedded demo: elsewhere nobody can pay or confirm here
@ConditionalOnEmbeddedDefault
class DemoIdentityController {

  private final IdentityRequestRepository requests;
  private final IdentityCallbacks identityCallbacks;
  private final ApplicationRepository applications;
  private final SimulatorCallbacks callbacks;
  private final ObjectMapper json;

  DemoIdentityController(IdentityRequestRepository requests, IdentityCallbacks identityCallbacks,
      ApplicationRepository applications, SimulatorCallbacks callbacks, ObjectMapper json) {
    this.requests = requests;
    this.identityCallbacks = identityCallbacks;
    this.applications = applications;
    this.callbacks = callbacks;
    this.json = json;
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> show(@PathVariable String tenant, @PathVariable UUID id) {
    return requests.find(tenant, id).map(request -> ResponseEntity.ok(view(request))).orElseGet(() -> notFound());
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> confirm(@PathVariable String tenant, @PathVariable UUID id,
      HttpServletRequest http) {
    IdentityRequest request = requests.find(tenant, id).orElse(null);
    if (request == null) {
      return notFound();
    }
    if (request.status() != IdentityRequest.Status.REQUESTED || !identityCallbacks.waitingForAssurance(request)) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(Map.of("message", "この本人確認はもう受け付けていません (the request is no longer open)"));
    }
    byte[] body = new DemoIdentityAssuranceProvider.Message(UUID.randomUUID().toString(), request.providerRef(), true,
        DemoIdentityAssuranceProvider.DEMO_ATTRIBUTES).write(json);
    HttpStatusCode answer = callbacks.send(tenant, IdentityCallbacks.CHANNEL, http.getLocalPort(),
        "/identity/" + tenant + "/callback", body);
    if (!answer.is2xxSuccessful()) {
      return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
          .body(Map.of("message", "本人確認の結果を伝えられませんでした (callback answered " + answer.value() + ")"));
    }
    return ResponseEntity.ok(view(requests.find(tenant, id).orElseThrow()));
  }

  private Map<String, Object> view(IdentityRequest request) {
    Map<String, Object> view = new LinkedHashMap<>();
    boolean open = request.status() == IdentityRequest.Status.REQUESTED && identityCallbacks.waitingForAssurance(request);
    view.put("status", open || request.status() != IdentityRequest.Status.REQUESTED ? request.status().name() : "EXPIRED");
    view.put("attributes", DemoIdentityAssuranceProvider.DEMO_ATTRIBUTES);
    view.put("applicationNumber", applications.findByProcessInstance(request.tenantId(), request.processInstanceId())
        .map(ApplicationRecord::number).orElse(null));
    return view;
  }

  private static ResponseEntity<Map<String, Object>> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("message", "この本人確認は見つかりません (no such identity request)"));
  }
}
