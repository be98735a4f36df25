package jp.madoguchi.crypto;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Strong random bytes and random ids from a generator each thread has for itself. The JDK's default
 * {@code SecureRandom} on Linux (NativePRNG), which {@link UUID#randomUUID()} uses too, makes every
 * caller in the JVM take one lock; at 500 webhooks a second on two cores, request threads waited on
 * it for 20 ms and more about 700 times in a 3-minute flight recording of LineBenchmark, whenever the
 * thread holding it was not running.
 */
public final class ThreadRandom {

  private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(ThreadRandom::newGenerator);

  private ThreadRandom() {
  }

  public static void nextBytes(byte[] bytes) {
    GENERATORS.get().nextBytes(bytes);
  }

  /** A random (version 4) UUID, as {@link UUID#randomUUID()} makes them. */
  public static UUID uuid() {
    byte[] bytes = new byte[16];
    nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  /** A deterministic random bit generator (NIST SP 800-90A), seeded from the system's entropy. */
  private static SecureRandom newGenerator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK's DRBG is not available", e);
    }
  }
}
