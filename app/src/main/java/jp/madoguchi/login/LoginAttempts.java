package jp.madoguchi.login;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.web.RequestPaths;
import org.springframework.http.HttpHeaders;

/** Which requests are sign-ins, and for which account name. */
final class LoginAttempts {

  private static final String WEBAPP_LOGIN = "^/camunda/api/admin/auth/user/[^/]+/login/[^/]+$";
  /** Camunda's REST API answers {@code /engine-rest/engine} without authentication. */
  private static final String OPEN_ENGINE_REST = "^/engine-rest/engine/?$";
  /** Password checks that are not a sign-in would let a signed-in person guess others' passwords unthrottled. */
  private static final String PASSWORD_ORACLE = "^/(engine-rest|camunda/api/engine/engine/[^/]+)/identity/verify/?$";

  private LoginAttempts() {
  }

  /** The account name a request signs in with, or null if it is no sign-in. */
  static String account(HttpServletRequest request) {
    String path = RequestPaths.of(request);
    if ("POST".equals(request.getMethod()) && path.matches(WEBAPP_LOGIN)) {
      String username = request.getParameter("username");
      return username == null ? "" : username;
    }
    boolean basicSurface = path.startsWith("/engine-rest/") && !path.matches(OPEN_ENGINE_REST)
        || path.matches("^/api/[^/]+/admin(/.*)?$") || path.startsWith("/api/operator/");
    return basicSurface ? basicUser(request.getHeader(HttpHeaders.AUTHORIZATION)) : null;
  }

  /**
   * A webapp sign-in whose account name is not one unambiguous form field: Camunda reads the form
   * body, while the servlet parameters put the query string first, so a name in the URL (or a second
   * one) would be counted here for another account than the one whose password is checked.
   */
  static boolean hasAmbiguousAccount(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod()) || !isWebappLogin(request)) {
      return false;
    }
    String[] names = request.getParameterValues("username");
    return names != null && names.length > 1 || inQueryString(request.getQueryString(), "username", "password");
  }

  private static boolean inQueryString(String query, String... names) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      if (Arrays.asList(names).contains(name)) {
        return true;
      }
    }
    return false;
  }

  static boolean isPasswordOracle(HttpServletRequest request) {
    return RequestPaths.of(request).matches(PASSWORD_ORACLE);
  }

  static boolean isWebappLogin(HttpServletRequest request) {
    return RequestPaths.of(request).matches(WEBAPP_LOGIN);
  }

  private static String basicUser(String authorization) {
    if (authorization == null || authorization.length() < 6 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }
}
