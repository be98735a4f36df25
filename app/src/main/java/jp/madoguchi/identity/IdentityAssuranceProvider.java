package jp.madoguchi.identity;

import java.util.Map;
import java.util.UUID;

import jp.madoguchi.callback.CallbackRejectedException;
import org.springframework.http.HttpHeaders;

/**
 * Identity assurance (本人確認) of a resident, e.g. a My Number card signature through the
 * デジタル認証アプリ (an OIDC flow): start a verification, send the resident to its URL, receive
 * the authenticated result. One implementation is active, chosen by
 * {@code madoguchi.identity.provider}; only the demo one ships.
 */
public interface IdentityAssuranceProvider {

  /** The name stored with each request, e.g. {@code demo}. */
  String name();

  /** Starts a verification; the resident opens {@code url}. */
  Started start(String tenantId, UUID requestId);

  /**
   * Authenticates a callback and reads it.
   *
   * @throws CallbackRejectedException when the callback is not signed by the provider
   */
  Verification parseCallback(String tenantId, HttpHeaders headers, byte[] body) throws CallbackRejectedException;

  record Started(String providerRef, String url) {
  }

  /**
   * @param eventId unique per provider event: a redelivery carries the same id
   * @param assuranceLevel the provider's level, e.g. {@code demo}, or an IAL of the real scheme
   * @param attributes the verified attributes (name, date of birth, address ...): personal data
   */
  record Verification(String eventId, String providerRef, boolean verified, String assuranceLevel,
      Map<String, String> attributes) {
  }
}
