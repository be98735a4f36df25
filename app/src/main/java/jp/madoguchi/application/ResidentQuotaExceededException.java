package jp.madoguchi.application;

import java.util.OptionalLong;

/**
 * A resident filed as many applications as one may ({@link ResidentQuota}); {@code quota} names the
 * limit, {@code retryAfterSeconds} is there when waiting lifts it.
 */
public class ResidentQuotaExceededException extends RuntimeException {

  private final String quota;
  private final OptionalLong retryAfterSeconds;

  ResidentQuotaExceededException(String quota, String message, OptionalLong retryAfterSeconds) {
    super(message);
    this.quota = quota;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public String quota() {
    return quota;
  }

  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
