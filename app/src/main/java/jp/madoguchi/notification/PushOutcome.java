package jp.madoguchi.notification;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;

/** What one push try means for its outbox row, read from LINE's answer. */
record PushOutcome(Kind kind, Duration retryAfter, String error) {

  /** {@code TOKEN_REFUSED}: LINE refused the channel access token; held and tried again like {@code RETRY}. */
  enum Kind { SENT, RETRY, TOKEN_REFUSED, GIVE_UP }

  static final PushOutcome SENT = new PushOutcome(Kind.SENT, null, null);

  static PushOutcome of(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof AbstractLineClientException line) {
      int code = line.getCode();
      if (code == 409) {
        return SENT; // this retry key was accepted before: the message went out once
      }
      if (code == 429) {
        return new PushOutcome(Kind.RETRY, retryAfter(line.getHeader("Retry-After")), "429 rate limited");
      }
      if (code == 401) {
        return new PushOutcome(Kind.TOKEN_REFUSED, null, "401 from LINE: the channel access token was refused");
      }
      if (code >= 500) {
        return new PushOutcome(Kind.RETRY, null, code + " from LINE");
      }
      return new PushOutcome(Kind.GIVE_UP, null, code + " from LINE: " + line.getMessage());
    }
    return new PushOutcome(Kind.RETRY, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  private static Duration retryAfter(String header) {
    try {
      return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
