package jp.madoguchi.identity;

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

/** The identity provider's server-to-server callback: authenticated first, idempotent per event id. */
@RestController
@ProviderCallback
class IdentityCallbackController {

  private final IdentityAssuranceProvider provider;
  private final IdentityCallbacks callbacks;

  IdentityCallbackController(IdentityAssuranceProvider provider, IdentityCallbacks callbacks) {
    this.provider = provider;
    this.callbacks = callbacks;
  }

  @PostMapping("/identity/{tenant:[a-z0-9-]+}/callback")
  ResponseEntity<Map<String, Object>> callback(@PathVariable String tenant, @RequestHeader HttpHeaders headers,
      @RequestBody(required = false) byte[] body) throws CallbackRejectedException {
    IdentityAssuranceProvider.Verification verification = provider.parseCallback(tenant, headers, body == null ? new byte[0] : body);
    return ResponseEntity.ok(Map.of("result", callbacks.apply(tenant, verification).name()));
  }
}
