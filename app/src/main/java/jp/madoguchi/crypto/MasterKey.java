package jp.madoguchi.crypto;

/** Wraps and unwraps tenant data keys; never encrypts data directly. */
public final class MasterKey {

  private final AesGcm aes;

  MasterKey(byte[] key) {
    this.aes = new AesGcm(key);
  }

  public byte[] wrap(byte[] dataKey, String owner) {
    return aes.encrypt(dataKey, "data-key:" + owner);
  }

  public byte[] unwrap(byte[] wrapped, String owner) {
    return aes.decrypt(wrapped, "data-key:" + owner);
  }
}
