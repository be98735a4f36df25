package jp.madoguchi.identity;

import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.callback.SignedCallbacks;
import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an authenticated identity callback once per provider event id: the verified attributes
 * are stored encrypted (they never become process variables), the waiting process gets the
 * message {@code IdentityAssured} with the assurance level only.
 */
@Service
class IdentityCallbacks {

  static final String CHANNEL = "identity";
  static final String ASSURED = "IdentityAssured";
  static final String ATTRIBUTES_PURPOSE = "identity_request.attributes";

  enum Result { APPLIED, DUPLICATE, FAILED, LATE, UNKNOWN }

  private final SignedCallbacks callbacks;
  private final IdentityRequestRepository requests;
  private final RuntimeService runtime;
  private final TenantKeys keys;
  private final ObjectMapper json;
  private final Clock clock;

  IdentityCallbacks(SignedCallbacks callbacks, IdentityRequestRepository requests, RuntimeService runtime,
      TenantKeys keys, ObjectMapper json, Clock clock) {
    this.callbacks = callbacks;
    this.requests = requests;
    this.runtime = runtime;
    this.keys = keys;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public Result apply(String tenantId, IdentityAssuranceProvider.Verification verification) {
    if (!callbacks.recordFirstDelivery(tenantId, CHANNEL, verification.eventId(), verification.providerRef(),
        verification.verified() ? "VERIFIED" : "FAILED")) {
      return Result.DUPLICATE;
    }
    Result result = settle(tenantId, verification);
    callbacks.recordResult(tenantId, CHANNEL, verification.eventId(), result.name());
    return result;
  }

  private Result settle(String tenantId, IdentityAssuranceProvider.Verification verification) {
    Optional<IdentityRequest> found = requests.findByProviderRef(tenantId, verification.providerRef());
    if (found.isEmpty()) {
      return Result.UNKNOWN;
    }
    IdentityRequest request = found.get();
    if (request.status() != IdentityRequest.Status.REQUESTED) {
      return Result.LATE;
    }
    if (!waitingForAssurance(request)) {
      requests.setStatus(tenantId, request.id(), IdentityRequest.Status.EXPIRED, clock.instant());
      return Result.LATE;
    }
    if (!verification.verified()) {
      requests.setStatus(tenantId, request.id(), IdentityRequest.Status.FAILED, clock.instant());
      return Result.FAILED;
    }
    requests.verified(tenantId, request.id(), verification.assuranceLevel(),
        keys.encrypt(tenantId, ATTRIBUTES_PURPOSE, attributesJson(verification)), clock.instant());
    runtime.createMessageCorrelation(ASSURED).processInstanceId(request.processInstanceId())
        .setVariable("identityAssuranceLevel", verification.assuranceLevel())
        .correlateWithResult();
    return Result.APPLIED;
  }

  boolean waitingForAssurance(IdentityRequest request) {
    return runtime.createEventSubscriptionQuery().processInstanceId(request.processInstanceId())
        .eventType("message").eventName(ASSURED).count() > 0;
  }

  private String attributesJson(IdentityAssuranceProvider.Verification verification) {
    try {
      return json.writeValueAsString(verification.attributes());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
