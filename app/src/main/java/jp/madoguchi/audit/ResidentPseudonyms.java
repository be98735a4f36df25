package jp.madoguchi.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.crypto.MasterKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A resident appears in the access log as {@code resident:<HMAC-SHA256 of the LINE user id>}
 * under a key of the tenant's log (stored wrapped by the master key, never beside it): the same
 * resident has the same pseudonym in one tenant's log and another in the next tenant's, the LINE id
 * is never stored, and without the master key nobody can test a LINE id against the log.
 */
@Component
class ResidentPseudonyms {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final MasterKey masterKey;
  private final AuditChainStore chains;
  private final Map<String, byte[]> tenantKeys = new ConcurrentHashMap<>();

  ResidentPseudonyms(JdbcTemplate jdbc, MasterKey masterKey, AuditChainStore chains) {
    this.jdbc = jdbc;
    this.masterKey = masterKey;
    this.chains = chains;
  }

  String pseudonym(String tenantId, String lineUserId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(tenantKeys.computeIfAbsent(tenantId, this::key), "HmacSHA256"));
      byte[] digest = mac.doFinal(lineUserId.getBytes(StandardCharsets.UTF_8));
      return "resident:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key(String tenantId) {
    chains.ensureChain(tenantId);
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    // two nodes may race to create the key: the first one written wins, both then read it
    jdbc.update("UPDATE audit_chain SET pseudonym_key = ? WHERE tenant_id = ? AND pseudonym_key IS NULL",
        masterKey.wrap(fresh, owner(tenantId)), tenantId);
    byte[] stored = jdbc.queryForObject("SELECT pseudonym_key FROM audit_chain WHERE tenant_id = ?", byte[].class, tenantId);
    return masterKey.unwrap(stored, owner(tenantId));
  }

  static String owner(String tenantId) {
    return "audit-pseudonym:" + tenantId;
  }
}
