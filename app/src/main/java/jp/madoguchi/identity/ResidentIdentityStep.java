package jp.madoguchi.identity;

import java.util.Optional;

import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ResidentStep;
import org.springframework.stereotype.Component;

/** The identity assurance in the application detail: where to confirm while the process waits, the result after. */
@Component
class ResidentIdentityStep implements ResidentStep {

  private final IdentityRequestRepository requests;
  private final IdentityCallbacks callbacks;

  ResidentIdentityStep(IdentityRequestRepository requests, IdentityCallbacks callbacks) {
    this.requests = requests;
    this.callbacks = callbacks;
  }

  record View(String status, String path) {
  }

  @Override
  public String name() {
    return "identityAssurance";
  }

  @Override
  public Optional<Object> view(ApplicationRecord application) {
    return requests.latestOfApplication(application.tenantId(), application.id()).flatMap(request -> {
      if (request.status() == IdentityRequest.Status.VERIFIED) {
        return Optional.of(new View("VERIFIED", null));
      }
      if (request.status() == IdentityRequest.Status.REQUESTED && callbacks.waitingForAssurance(request)) {
        return Optional.of(new View("REQUESTED", request.url()));
      }
      return Optional.empty();
    });
  }
}
