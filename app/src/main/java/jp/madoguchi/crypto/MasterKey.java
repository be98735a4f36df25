package jp.madoguchi.crypto;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Wraps and unwraps data keys; never encrypts data directly. While the master key is being
 * replaced it also holds the previous one ({@code MADOGUCHI_MASTER_KEY_PREVIOUS}): what the new key
 * does not open, the previous one may, until {@link MasterKeyRotation} has wrapped everything anew.
 */
public final class MasterKey {

  private final byte[] key;
  private final AesGcm aes;
  private final AesGcm previous;
  private final boolean previousIsTheSame;

  MasterKey(byte[] key) {
    this(key, null);
  }

  private MasterKey(byte[] key, byte[] previous) {
    this.key = key.clone();
    this.aes = new AesGcm(key);
    this.previous = previous == null ? null : new AesGcm(previous);
    this.previousIsTheSame = previous != null && MessageDigest.isEqual(key, previous);
  }

  /** The key as configured: Base64 of 32 bytes ({@code MADOGUCHI_MASTER_KEY}, or the content of its file). */
  public static MasterKey fromBase64(String base64) {
    return new MasterKey(decode(base64, "MADOGUCHI_MASTER_KEY"));
  }

  /**
   * This key, and the one it replaces (Base64 of 32 bytes, {@code MADOGUCHI_MASTER_KEY_PREVIOUS});
   * just this key when none is given (blank).
   */
  public MasterKey replacing(String previousBase64) {
    if (previousBase64.isBlank()) {
      return this;
    }
    return new MasterKey(key, decode(previousBase64, "MADOGUCHI_MASTER_KEY_PREVIOUS"));
  }

  boolean hasPrevious() {
    return previous != null;
  }

  boolean previousIsTheSame() {
    return previousIsTheSame;
  }

  public byte[] wrap(byte[] dataKey, String owner) {
    return aes.encrypt(dataKey, aad(owner));
  }

  public byte[] unwrap(byte[] wrapped, String owner) {
    try {
      return aes.decrypt(wrapped, aad(owner));
    } catch (IllegalArgumentException notThisKey) {
      if (previous == null) {
        throw notThisKey;
      }
      return previous.decrypt(wrapped, aad(owner));
    }
  }

  /**
   * The data key wrapped anew under this key when the previous key wrapped it; empty when this key
   * already does. Throws when neither opens it.
   */
  public Optional<byte[]> rewrapped(byte[] wrapped, String owner) {
    try {
      aes.decrypt(wrapped, aad(owner));
      return Optional.empty();
    } catch (IllegalArgumentException notThisKey) {
      if (previous == null) {
        throw notThisKey;
      }
    }
    try {
      return Optional.of(wrap(previous.decrypt(wrapped, aad(owner)), owner));
    } catch (IllegalArgumentException neither) {
      throw new IllegalStateException("Neither MADOGUCHI_MASTER_KEY nor MADOGUCHI_MASTER_KEY_PREVIOUS opens the key \""
          + owner + "\": neither is the key that wrapped it, so nothing was changed", neither);
    }
  }

  private static String aad(String owner) {
    return "data-key:" + owner;
  }

  private static byte[] decode(String base64, String name) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not valid Base64", e);
    }
    if (key.length != AesGcm.KEY_BYTES) {
      throw new IllegalStateException(name + " must decode to 32 bytes, got " + key.length);
    }
    return key;
  }
}
