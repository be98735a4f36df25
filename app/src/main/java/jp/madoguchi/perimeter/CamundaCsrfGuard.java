package jp.madoguchi.perimeter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.madoguchi.web.RequestPaths;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's webapps refuse a change without the session's CSRF token — and their filter
 * ({@code CsrfPreventionFilter}) then invalidates the session, so any page that makes a clerk's
 * browser send one bad request logs the clerk out of Tasklist. This guard runs first and refuses
 * such a request the same way (403, header {@code X-XSRF-TOKEN: Required}) without touching the
 * session; requests with the right token pass on to Camunda's own check unchanged. Behind TLS the
 * token's cookie is marked {@code Secure} ({@link SecureTokenCookie}). The webapps' API is only
 * ever called by their own scripts, so with a session it is not answered to a link or image of
 * another site either ({@link CrossSiteRequests#fromAnotherSite}): such a read would be logged as
 * the clerk's.
 */
final class CamundaCsrfGuard extends OncePerRequestFilter {

  /** Where Camunda's webapp keeps the session's token and which header carries it (its documented CSRF protocol). */
  static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";
  static final String TOKEN_HEADER = "X-XSRF-TOKEN";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && isWebappApi(request) && CrossSiteRequests.fromAnotherSite(request)) {
      new Refusal(HttpStatus.FORBIDDEN, CrossSiteRequests.crossSite()).send(response);
      return;
    }
    if (session != null && !SAFE_METHODS.contains(request.getMethod())) {
      String expected = (String) session.getAttribute(SESSION_TOKEN);
      String given = request.getHeader(TOKEN_HEADER);
      if (given == null || given.isBlank() || expected == null || !MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
        if (given == null || given.isBlank()) {
          response.setHeader(TOKEN_HEADER, "Required");
        }
        Refusal.of(HttpStatus.FORBIDDEN, "画面を開き直してからもう一度操作してください",
            "missing or invalid CSRF token; reload the page and try again").send(response);
        return;
      }
    }
    chain.doFilter(request, request.isSecure() ? new SecureTokenCookie(response) : response);
  }

  private static boolean isWebappApi(HttpServletRequest request) {
    return RequestPaths.of(request).startsWith("/camunda/api/");
  }
}
