package jp.madoguchi.identity;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.callback.CallbackRejectedException;
import jp.madoguchi.callback.SignedCallbacks;
import jp.madoguchi.callback.SimulatorCallbacks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * DEMO identity assurance, for the demo and the tests only: the resident confirms on the LIFF
 * page {@code /liff/{tenant}/identity/{requestId}}, which says it is a demo; the result arrives as
 * a signed callback like a real provider's. Nobody's identity is actually checked.
 */
@Component
@ConditionalOnProperty(prefix = "madoguchi.identity", name = "provider", havingValue = "demo")
class DemoIdentityAssuranceProvider implements IdentityAssuranceProvider {

  static final String LEVEL = "demo";
  /** What a My Number card would give; fixed, so the demo never handles real personal data. */
  static final Map<String, String> DEMO_ATTRIBUTES =
      Map.of("name", "窓口 花子", "birthDate", "1990-04-01", "address", "デモ市中央1-2-3");

  private final SignedCallbacks callbacks;
  private final ObjectMapper json;

  DemoIdentityAssuranceProvider(SignedCallbacks callbacks, ObjectMapper json) {
    this.callbacks = callbacks;
    this.json = json;
  }

  /** The demo provider's callback body. */
  record Message(String eventId, String requestRef, boolean verified, Map<String, String> attributes) {

    byte[] write(ObjectMapper json) {
      try {
        return json.writeValueAsBytes(this);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public Started start(String tenantId, UUID requestId) {
    return new Started("demo_" + requestId, "/liff/" + tenantId + "/identity/" + requestId);
  }

  @Override
  public Verification parseCallback(String tenantId, HttpHeaders headers, byte[] body) throws CallbackRejectedException {
    if (!callbacks.verify(tenantId, IdentityCallbacks.CHANNEL, body,
        headers.getFirst(SimulatorCallbacks.SIGNATURE_HEADER))) {
      throw new CallbackRejectedException("署名を確認できませんでした (missing or invalid "
          + SimulatorCallbacks.SIGNATURE_HEADER + ")");
    }
    Message message;
    try {
      message = json.readValue(body, Message.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("The demo identity callback is not the expected JSON", e);
    }
    if (message.eventId() == null || message.requestRef() == null) {
      throw new IllegalArgumentException("The demo identity callback lacks eventId or requestRef");
    }
    return new Verification(message.eventId(), message.requestRef(), message.verified(), LEVEL,
        message.attributes() == null ? Map.of() : message.attributes());
  }
}
