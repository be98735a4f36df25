package jp.madoguchi.tenant;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.crypto.AesGcm;
import jp.madoguchi.crypto.MasterKey;
import org.springframework.stereotype.Component;

/**
 * Encrypts and decrypts a tenant's data with that tenant's own data key. The purpose (column,
 * table) is bound into every ciphertext, so data cannot be moved between tenants or columns.
 */
@Component
public class TenantKeys {

  private final TenantRepository tenants;
  private final MasterKey masterKey;
  private final Map<String, AesGcm> unwrapped = new ConcurrentHashMap<>();

  TenantKeys(TenantRepository tenants, MasterKey masterKey) {
    this.tenants = tenants;
    this.masterKey = masterKey;
  }

  public byte[] encrypt(String tenantId, String purpose, String plaintext) {
    return encryptBytes(tenantId, purpose, plaintext.getBytes(StandardCharsets.UTF_8));
  }

  public String decrypt(String tenantId, String purpose, byte[] ciphertext) {
    return new String(decryptBytes(tenantId, purpose, ciphertext), StandardCharsets.UTF_8);
  }

  public byte[] encryptBytes(String tenantId, String purpose, byte[] plaintext) {
    return cipher(tenantId).encrypt(plaintext, tenantId + ":" + purpose);
  }

  public byte[] decryptBytes(String tenantId, String purpose, byte[] ciphertext) {
    return cipher(tenantId).decrypt(ciphertext, tenantId + ":" + purpose);
  }

  byte[] newWrappedKey(String tenantId) {
    return masterKey.wrap(AesGcm.newKey(), "tenant:" + tenantId);
  }

  /** Used when seeding, before the tenant row exists. */
  byte[] encryptWith(byte[] wrappedKey, String tenantId, String purpose, String plaintext) {
    AesGcm aes = new AesGcm(masterKey.unwrap(wrappedKey, "tenant:" + tenantId));
    return aes.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), tenantId + ":" + purpose);
  }

  private AesGcm cipher(String tenantId) {
    return unwrapped.computeIfAbsent(tenantId, id -> {
      byte[] wrapped = tenants.wrappedDataKey(id)
          .orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + id));
      return new AesGcm(masterKey.unwrap(wrapped, "tenant:" + id));
    });
  }
}
