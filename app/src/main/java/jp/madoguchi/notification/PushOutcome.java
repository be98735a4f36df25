package jp.madoguchi.notification;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import jp.madoguchi.line.LineErrorAnswer;

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
      return switch (LineErrorAnswer.of(line)) {
        case ALREADY_ACCEPTED -> SENT; // this retry key was accepted before: the message went out once
        case RATE_LIMITED -> new PushOutcome(Kind.RETRY, LineErrorAnswer.retryAfter(line), "429 rate limited");
        case TOKEN_REFUSED ->
            new PushOutcome(Kind.TOKEN_REFUSED, null, "401 from LINE: the channel access token was refused");
        case UNAVAILABLE -> new PushOutcome(Kind.RETRY, null, line.getCode() + " from LINE");
        case REFUSED -> new PushOutcome(Kind.GIVE_UP, null, line.getCode() + " from LINE: " + line.getMessage());
      };
    }
    return new PushOutcome(Kind.RETRY, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }
}
