package jp.madoguchi.line;

import java.time.Duration;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;

/**
 * What an error answer of LINE's Messaging API means for trying again, the same for pushes and
 * replies: {@code ALREADY_ACCEPTED} (409: this retry key went out before), {@code RATE_LIMITED}
 * (429, for its {@code Retry-After}), {@code TOKEN_REFUSED} (401: the channel access token, which
 * the tenant admin can replace), {@code UNAVAILABLE} (5xx: it may have gone out) and
 * {@code REFUSED} (any other answer: the request itself, which sending again cannot change).
 */
public enum LineErrorAnswer {
  ALREADY_ACCEPTED, RATE_LIMITED, TOKEN_REFUSED, UNAVAILABLE, REFUSED;

  public static LineErrorAnswer of(AbstractLineClientException answer) {
    int code = answer.getCode();
    if (code == 409) {
      return ALREADY_ACCEPTED;
    }
    if (code == 429) {
      return RATE_LIMITED;
    }
    if (code == 401) {
      return TOKEN_REFUSED;
    }
    return code >= 500 ? UNAVAILABLE : REFUSED;
  }

  /** The 429's {@code Retry-After} in seconds; null without one or for any other answer. */
  public static Duration retryAfter(AbstractLineClientException answer) {
    String header = of(answer) == RATE_LIMITED ? answer.getHeader("Retry-After") : null;
    try {
      return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
