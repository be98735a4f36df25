package jp.madoguchi.perimeter;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Marks Camunda's CSRF token cookie {@code Secure} on a request that came over TLS, as Tomcat marks
 * the session cookie. Camunda's filter has only one switch for it ({@code enable-secure-cookie}),
 * for every request alike, which would lose the cookie on the embedded default's plain
 * {@code http://localhost}; behind TLS the token then never travels over plain HTTP.
 */
final class SecureTokenCookie extends HttpServletResponseWrapper {

  private static final String SET_COOKIE = "Set-Cookie";
  private static final String TOKEN_COOKIE = "XSRF-TOKEN=";

  SecureTokenCookie(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void addHeader(String name, String value) {
    super.addHeader(name, secured(name, value));
  }

  @Override
  public void setHeader(String name, String value) {
    super.setHeader(name, secured(name, value));
  }

  private static String secured(String name, String value) {
    if (value == null || !SET_COOKIE.equalsIgnoreCase(name) || !value.startsWith(TOKEN_COOKIE)) {
      return value;
    }
    for (String attribute : value.split(";")) {
      if (attribute.strip().equalsIgnoreCase("Secure")) {
        return value;
      }
    }
    return value + ";Secure";
  }
}
