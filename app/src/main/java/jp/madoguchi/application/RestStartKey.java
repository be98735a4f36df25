package jp.madoguchi.application;

import java.util.Optional;
import java.util.UUID;

/**
 * The {@code Idempotency-Key} of the REST process start being handled on this thread, for
 * {@code registerApplication} to record in the start's own transaction.
 */
record RestStartKey(String tenantId, String staffRef, UUID key) {

  private static final ThreadLocal<RestStartKey> CURRENT = new ThreadLocal<>();

  static Optional<RestStartKey> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  static void set(RestStartKey key) {
    CURRENT.set(key);
  }

  static void clear() {
    CURRENT.remove();
  }

  /** Recorded like a resident's clientRequestId, under a name no LINE user id can have. */
  static String staffRef(String userId) {
    return "staff:" + userId;
  }
}
