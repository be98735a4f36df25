package jp.madoguchi.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce. Ciphertext layout: {@code version(1) | nonce(12) | data+tag}.
 * The associated data binds a ciphertext to its owner and purpose, so a value copied to
 * another tenant or column does not decrypt.
 */
public final class AesGcm {

  public static final int KEY_BYTES = 32;
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  /**
   * One cipher object per thread, initialised anew (key and nonce) for every value: a submission
   * seals and opens a few dozen values, and looking the algorithm up among the providers each time
   * showed in its profile.
   */
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  });

  private final SecretKeySpec key;

  public AesGcm(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("AES-256 needs a 32-byte key, got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  public static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    ThreadRandom.nextBytes(key);
    return key;
  }

  public byte[] encrypt(byte[] plaintext, String associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    ThreadRandom.nextBytes(nonce);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  public byte[] decrypt(byte[] ciphertext, String associatedData) {
    if (ciphertext.length < 1 + NONCE_BYTES + TAG_BITS / 8 || ciphertext[0] != VERSION) {
      throw new IllegalArgumentException("Not a Madoguchi ciphertext");
    }
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_BYTES));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Ciphertext does not decrypt: wrong key, owner or tampered data", e);
    }
  }

  public String encryptText(String plaintext, String associatedData) {
    return java.util.Base64.getEncoder().encodeToString(encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData));
  }

  public String decryptText(String ciphertext, String associatedData) {
    return new String(decrypt(java.util.Base64.getDecoder().decode(ciphertext), associatedData), StandardCharsets.UTF_8);
  }
}
