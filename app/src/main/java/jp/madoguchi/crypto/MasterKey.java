package jp.madoguchi.crypto;

import java.util.Base64;

/** Wraps and unwraps tenant data keys; never encrypts data directly. */
public final class MasterKey {

  private final AesGcm aes;

  MasterKey(byte[] key) {
    this.aes = new AesGcm(key);
  }

  /** The key as configured: Base64 of 32 bytes ({@code MADOGUCHI_MASTER_KEY}, or the content of its file). */
  public static MasterKey fromBase64(String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("MADOGUCHI_MASTER_KEY is not valid Base64", e);
    }
    if (key.length != AesGcm.KEY_BYTES) {
      throw new IllegalStateException("MADOGUCHI_MASTER_KEY must decode to 32 bytes, got " + key.length);
    }
    return new MasterKey(key);
  }

  public byte[] wrap(byte[] dataKey, String owner) {
    return aes.encrypt(dataKey, "data-key:" + owner);
  }

  public byte[] unwrap(byte[] wrapped, String owner) {
    return aes.decrypt(wrapped, "data-key:" + owner);
  }
}
