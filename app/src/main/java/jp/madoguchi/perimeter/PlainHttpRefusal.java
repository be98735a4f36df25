package jp.madoguchi.perimeter;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.audit.AccessLogContext;
import jp.madoguchi.web.RequestPaths;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Encryption in transit, enforced: a request that did not come over TLS is refused unless it comes
 * from this machine itself. "Over TLS" is what Tomcat's RemoteIpValve concludes: TLS on Tomcat's own
 * connector, or {@code X-Forwarded-Proto: https} from a trusted proxy ({@code MADOGUCHI_TRUSTED_PROXIES});
 * a client cannot claim it. "This machine" is a loopback client address, after a trusted proxy's
 * {@code X-Forwarded-For} (health checks, the operator's own {@code curl}). A page asked for over plain HTTP is redirected
 * to the public https address; anything else is refused, as its body has already crossed the network
 * in clear. Either is in the access log as {@code refused.plain-http}. {@code /actuator/health} stays
 * reachable for load balancers: it holds no data.
 */
class PlainHttpRefusal extends OncePerRequestFilter {

  private static final Pattern LOOPBACK = Pattern.compile("127(?:\\.\\d{1,3}){3}|0:0:0:0:0:0:0:1|::1");

  private final String publicUrl;

  PlainHttpRefusal(String publicUrl) {
    this.publicUrl = publicUrl;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.isSecure() || fromThisMachine(request) || healthCheck(RequestPaths.of(request))) {
      chain.doFilter(request, response);
      return;
    }
    AccessLogContext.kind(request, "refused.plain-http");
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      String query = request.getQueryString();
      response.setStatus(HttpStatus.PERMANENT_REDIRECT.value());
      response.setHeader("Location", publicUrl + request.getRequestURI() + (query == null ? "" : "?" + query));
      return;
    }
    Refusal.of(HttpStatus.FORBIDDEN, "暗号化されていない接続 (http://) では受け付けません。" + publicUrl
        + " から始まるアドレスで開き直してください。", "plain HTTP is refused: use " + publicUrl).send(response);
  }

  /** By the path the request is dispatched by: {@code /actuator/health/../../engine-rest/task} is no health check. */
  private static boolean healthCheck(String path) {
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  /**
   * The client's address as Tomcat's RemoteIpValve settled it: a trusted proxy's client, else the peer,
   * always as Tomcat writes a literal. A pattern, not {@code gate.ClientAddresses}: the gate uses staff
   * accounts, which use the perimeter.
   */
  private static boolean fromThisMachine(HttpServletRequest request) {
    return LOOPBACK.matcher(request.getRemoteAddr()).matches();
  }
}
