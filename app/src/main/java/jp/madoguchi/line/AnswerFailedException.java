package jp.madoguchi.line;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;

/**
 * Why answering a webhook event failed, as far as retrying it needs to know: whether the resident
 * certainly got nothing from this try (so a later try may fall back to a push), and whether LINE
 * itself is the problem (so the tenant's channel pauses, for {@code retryAfter} if LINE said so).
 */
final class AnswerFailedException extends IOException {

  private final boolean certainlyNotSent;
  private final boolean lineUnavailable;
  private final boolean permanent;
  private final Duration retryAfter;

  private AnswerFailedException(Throwable cause, boolean certainlyNotSent, boolean lineUnavailable, boolean permanent,
      Duration retryAfter) {
    super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    this.certainlyNotSent = certainlyNotSent;
    this.lineUnavailable = lineUnavailable;
    this.permanent = permanent;
    this.retryAfter = retryAfter;
  }

  /** Failed before LINE was called (reading what to answer). */
  static AnswerFailedException beforeSending(Throwable cause) {
    return new AnswerFailedException(cause, true, false, false, null);
  }

  /**
   * A call to LINE failed. LINE refusing it (4xx, 429) or an unreachable LINE means nothing was
   * delivered; a 5xx or a timeout may have delivered it. A 4xx other than 429 and 401 refuses the
   * request itself (its reply token, its body), so sending it again cannot change the answer; a 401
   * refuses the channel access token, which the tenant admin can replace. {@code afterReply}: the
   * reply token was already refused, so this was a push, which its retry key keeps single.
   */
  static AnswerFailedException calling(IOException failure, boolean afterReply) {
    if (failure instanceof AbstractLineClientException line) {
      LineErrorAnswer answer = LineErrorAnswer.of(line);
      boolean channelUnusable = answer == LineErrorAnswer.RATE_LIMITED || answer == LineErrorAnswer.TOKEN_REFUSED
          || answer == LineErrorAnswer.UNAVAILABLE;
      boolean refused = answer != LineErrorAnswer.UNAVAILABLE;
      return new AnswerFailedException(failure, afterReply || refused, channelUnusable, refused && !channelUnusable,
          LineErrorAnswer.retryAfter(line));
    }
    boolean unreachable = causedBy(failure, ConnectException.class);
    return new AnswerFailedException(failure, afterReply || unreachable, true, false, null);
  }

  boolean certainlyNotSent() {
    return certainlyNotSent;
  }

  boolean lineUnavailable() {
    return lineUnavailable;
  }

  /** Trying again would be refused the same way: the event is given up at once. */
  boolean permanent() {
    return permanent;
  }

  Duration retryAfter() {
    return retryAfter;
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
