package jp.madoguchi.tenant;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.crypto.AesGcm;
import jp.madoguchi.crypto.MasterKey;
import org.springframework.stereotype.Component;

/**
 * Encrypts and decrypts a tenant's data with that tenant's own data key. The purpose (column,
 * table) is bound into every ciphertext, so data cannot be moved between tenants or columns.
 * An unwrapped key is kept in memory for at most {@value #KEEP_SECONDS} seconds, so a key destroyed
 * on one node stops working on every node within that time.
 */
@Component
public class TenantKeys {

  static final long KEEP_SECONDS = 60;

  private final TenantRepository tenants;
  private final MasterKey masterKey;
  private final Map<String, Unwrapped> unwrapped = new ConcurrentHashMap<>();

  private record Unwrapped(AesGcm aes, long loadedAt) {
  }

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
    return masterKey.wrap(AesGcm.newKey(), owner(tenantId));
  }

  /** Used when seeding, before the tenant row exists. */
  byte[] encryptWith(byte[] wrappedKey, String tenantId, String purpose, String plaintext) {
    AesGcm aes = new AesGcm(masterKey.unwrap(wrappedKey, owner(tenantId)));
    return aes.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), tenantId + ":" + purpose);
  }

  /**
   * Crypto-shredding, the first step of a tenant's purge: the wrapped data key is deleted, so every
   * value sealed with it (application payloads, files, documents, engine variables, comments, LINE
   * secrets) becomes unreadable at once, backups included, whatever rows remain.
   */
  public void destroyDataKey(String tenantId) {
    if (!tenants.destroyDataKey(tenantId)) {
      throw new IllegalArgumentException("Unknown tenant " + tenantId);
    }
    unwrapped.remove(tenantId);
  }

  private AesGcm cipher(String tenantId) {
    long now = System.nanoTime();
    Unwrapped key = unwrapped.get(tenantId);
    if (key == null || now - key.loadedAt() > TimeUnit.SECONDS.toNanos(KEEP_SECONDS)) {
      key = new Unwrapped(unwrap(tenantId), now);
      unwrapped.put(tenantId, key);
    }
    return key.aes();
  }

  private AesGcm unwrap(String tenantId) {
    byte[] wrapped = tenants.wrappedDataKey(tenantId).orElseThrow(() -> tenants.exists(tenantId)
        ? new TenantKeyDestroyedException(tenantId) : new IllegalArgumentException("Unknown tenant " + tenantId));
    return new AesGcm(masterKey.unwrap(wrapped, owner(tenantId)));
  }

  /** Whose key it is, bound into its wrapping: a tenant's wrapped key copied to another tenant does not open. */
  static String owner(String tenantId) {
    return "tenant:" + tenantId;
  }
}
