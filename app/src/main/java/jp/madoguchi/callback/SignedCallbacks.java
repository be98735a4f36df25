package jp.madoguchi.callback;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.tenant.TenantKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Server-to-server callbacks of external providers (payment, identity assurance): the body is
 * signed with HMAC-SHA256 and a per-tenant, per-channel secret kept encrypted with the tenant's
 * data key; every provider event id is processed once.
 */
@Component
public class SignedCallbacks {

  /** The columns {@code callback_event.event_id} and {@code reference}. */
  private static final int MAX_ID_LENGTH = 128;

  private static final String PURPOSE = "callback_secret.secret";
  private static final String HMAC = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final TenantKeys keys;

  SignedCallbacks(JdbcTemplate jdbc, TenantKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  /** Base64 HMAC of the body, the way the provider signs it. Only simulators sign; they create the secret on first use. */
  public String sign(String tenantId, String channel, byte[] body) {
    byte[] secret = secret(tenantId, channel).orElseGet(() -> createSecret(tenantId, channel));
    return Base64.getEncoder().encodeToString(hmac(secret, body));
  }

  /** Constant-time check; false for a missing or malformed signature and for a tenant without a secret. */
  public boolean verify(String tenantId, String channel, byte[] body, String signature) {
    if (signature == null || signature.isBlank()) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return secret(tenantId, channel).map(secret -> MessageDigest.isEqual(hmac(secret, body), given)).orElse(false);
  }

  /**
   * Records a provider event in the caller's transaction. False when the event id was recorded
   * before: a redelivery, which must change nothing.
   */
  public boolean recordFirstDelivery(String tenantId, String channel, String eventId, String reference, String outcome) {
    if (eventId.length() > MAX_ID_LENGTH || reference.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("The callback's event id and reference may have at most " + MAX_ID_LENGTH
          + " characters");
    }
    return jdbc.update("""
        INSERT INTO callback_event (tenant_id, channel, event_id, reference, outcome) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT DO NOTHING""", tenantId, channel, eventId, reference, outcome) == 1;
  }

  /** What the app made of a recorded event (APPLIED, LATE, UNKNOWN ...), for the operators. */
  public void recordResult(String tenantId, String channel, String eventId, String result) {
    jdbc.update("UPDATE callback_event SET result = ? WHERE tenant_id = ? AND channel = ? AND event_id = ?",
        result, tenantId, channel, eventId);
  }

  private Optional<byte[]> secret(String tenantId, String channel) {
    return jdbc.query("SELECT secret FROM callback_secret WHERE tenant_id = ? AND channel = ?",
        (rs, row) -> rs.getBytes(1), tenantId, channel).stream().findFirst()
        .map(sealed -> Base64.getDecoder().decode(keys.decrypt(tenantId, PURPOSE + ":" + channel, sealed)));
  }

  private byte[] createSecret(String tenantId, String channel) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    byte[] sealed = keys.encrypt(tenantId, PURPOSE + ":" + channel, Base64.getEncoder().encodeToString(secret));
    jdbc.update("INSERT INTO callback_secret (tenant_id, channel, secret) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        tenantId, channel, sealed);
    return secret(tenantId, channel).orElseThrow();
  }

  private static byte[] hmac(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
