package jp.madoguchi.perimeter;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.web.RequestPaths;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff endpoints called with HTTP Basic ({@code /engine-rest}, {@code /api/{tenant}/admin/**}):
 * a request that a browser marks as coming from another site is refused before any login is
 * checked, so a cached Basic login cannot be used by another site's page. Requests with the
 * webapp session are checked where that session is accepted.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

  private final CrossSiteRequests rules;

  CrossSiteRequestFilter(CrossSiteRequests rules) {
    this.rules = rules;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = RequestPaths.of(request);
    return !path.startsWith("/engine-rest/") && !path.matches("/api/[^/]+/admin/.*");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      Optional<String> refusal = rules.refusalForBasic(request);
      if (refusal.isPresent()) {
        rules.refuse(response, refusal.get());
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
