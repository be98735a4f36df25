package jp.madoguchi.perimeter;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.web.RequestPaths;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Content-Security-Policy of Madoguchi's own pages. Camunda's webapps send their own; the
 * verification page sets its own, stricter one.
 *
 * <p>The LIFF pages run the LIFF SDK (bundled, not from a CDN), which talks to LINE's API, reads
 * its message catalogue from LINE's SDK host, loads LINE's in-app extensions from LINE's static host
 * and may open LINE's sub-window frame. The login itself is a navigation to LINE, which CSP does
 * not restrict.
 */
final class ContentSecurityPolicies extends OncePerRequestFilter {

  static final String LANDING = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
      + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  static final String LIFF = "default-src 'self'; "
      + "script-src 'self' https://static.line-scdn.net; "
      + "style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data: blob:; font-src 'self' data:; "
      + "connect-src 'self' https://api.line.me https://access.line.me https://liffsdk.line-scdn.net "
      + "https://uts-front.line-apps.com; "
      + "frame-src https://liff-subwindow.line.me https://liff.line.me; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    if (path.equals("/") || path.equals("/index.html")) {
      response.setHeader("Content-Security-Policy", LANDING);
    } else if (path.startsWith("/liff/") && !path.startsWith("/liff/assets/")) {
      response.setHeader("Content-Security-Policy", LIFF);
    }
    chain.doFilter(request, response);
  }
}
