package jp.madoguchi.perimeter;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The {@code message} of Spring Boot's error answers ({@code /error}: a request no controller took,
 * the wrong method or content type, a parameter of the wrong form, a refusal by Spring Security,
 * anything that escaped every handler): Japanese a person can act on, English in brackets, instead of
 * Spring's English only, which for a parameter names Java types and for a 5xx could carry an
 * exception's text. A message the app itself gave in Japanese is kept. A body or parameter of the
 * wrong kind is named with what it should be ({@link UnreadableRequests}).
 */
@Component
class RequestErrorMessages extends DefaultErrorAttributes {

  private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object message = attributes.get("message");
    String named = UnreadableRequests.of(getError(request));
    if (named != null) {
      attributes.put("message", named);
    } else if (attributes.get("status") instanceof Integer status && status >= 400
        && !(message instanceof String text && JAPANESE.matcher(text).find())) {
      attributes.put("message", forStatus(status));
    }
    return attributes;
  }

  static String forStatus(int status) {
    return switch (status) {
      case 400 -> "リクエストの内容を読み取れません。パラメータと本文の形式を確かめてください "
          + "(the request or one of its parameters cannot be read)";
      case 401 -> "ログインが必要です (authentication required)";
      case 403 -> "この操作は許可されていません (forbidden)";
      case 404 -> "見つかりません。アドレスを確かめてください (not found)";
      case 405 -> "このアドレスではこの操作 (HTTP メソッド) は使えません (method not allowed)";
      case 406 -> "求められた形式では答えられません。Accept ヘッダーを確かめてください (not acceptable)";
      case 413 -> "リクエストが大きすぎます (request too large)";
      case 415 -> "この Content-Type は受け付けていません。JSON は application/json で送ってください "
          + "(unsupported content type)";
      case 429 -> "リクエストが多すぎます。しばらくしてから、もう一度お試しください (too many requests)";
      default -> status >= 500
          ? "サーバーで問題が起きました。しばらくしてから、もう一度お試しください (server error)"
          : "このリクエストは処理できません (the request cannot be processed)";
    };
  }
}
