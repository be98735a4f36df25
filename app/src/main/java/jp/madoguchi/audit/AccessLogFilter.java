package jp.madoguchi.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.audit.AuditEntry.Category;
import jp.madoguchi.web.RequestPaths;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The access log: one entry for every staff request (Camunda's webapp APIs, {@code /engine-rest},
 * the staff, operator and console pages) and every resident API request, written when the answer
 * is known. It keeps the route template ({@code /api/{tenant}/applications/{number}}), never the
 * path itself, the query or the body, so no personal data from a URL reaches the log. Requests
 * that name nobody get entries only as far as {@link AnonymousRefusals} admits their refusals;
 * answered ones that showed no personal data are only counted ({@link AnonymousAnswers}).
 */
class AccessLogFilter extends OncePerRequestFilter {

  private static final Pattern TENANT_API = Pattern.compile("^/api/([a-z0-9-]{1,64})(/.*)?$");
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z][A-Za-z-]{0,62}");

  private final AuditLog auditLog;
  private final AnonymousRefusals anonymousRefusals;
  private final AnonymousAnswers anonymousAnswers;
  private final Clock clock;

  AccessLogFilter(AuditLog auditLog, AnonymousRefusals anonymousRefusals, AnonymousAnswers anonymousAnswers,
      Clock clock) {
    this.auditLog = auditLog;
    this.anonymousRefusals = anonymousRefusals;
    this.anonymousAnswers = anonymousAnswers;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !logged(RequestPaths.of(request));
  }

  /** Staff surfaces and the resident API; not static files, LINE's webhook, callbacks or /verify. */
  static boolean logged(String path) {
    if (path.startsWith("/camunda/")) {
      return path.startsWith("/camunda/api/");
    }
    if (path.startsWith("/admin/")) {
      return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }
    return path.startsWith("/engine-rest/") || path.startsWith("/api/") || path.equals("/staff/password");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      record(request, start, status, (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000));
    }
  }

  private void record(HttpServletRequest request, Instant start, int status, int durationMs) {
    String path = RequestPaths.of(request);
    String tenant = (String) request.getAttribute(AccessLogContext.TENANT);
    Matcher tenantApi = TENANT_API.matcher(path);
    if (tenant == null && tenantApi.matches() && !"operator".equals(tenantApi.group(1))) {
      tenant = tenantApi.group(1);
    }
    String account = (String) request.getAttribute(AccessLogContext.ACCOUNT);
    String resident = (String) request.getAttribute(AccessLogContext.RESIDENT);
    boolean personalData = Boolean.TRUE.equals(request.getAttribute(AccessLogAttributes.PERSONAL_DATA_READ));
    String kind = (String) request.getAttribute(AccessLogContext.KIND);
    if (account == null && resident == null) {
      if (status < 400 && !personalData && kind == null) {
        anonymousAnswers.count(tenant, request.getMethod(), route(request, path), status);
        return;
      }
      if (status >= 400 && !anonymousRefusals.admit(tenant, request.getRemoteAddr())) {
        return;
      }
    }
    if (kind == null) {
      kind = personalData ? "personal-data.read" : "access";
    }
    auditLog.append(new AuditEntry(tenant, start, Category.ACCESS, kind,
        account, request.getRemoteAddr(), request.getMethod(),
        route(request, path), status, durationMs, (String) request.getAttribute(AccessLogAttributes.APPLICATION_NUMBER),
        personalData, null, null, resident, null));
  }

  /**
   * The matched route of a Spring controller; for Camunda's APIs the path with every segment that
   * is not a plain word (ids, numbers, anything encoded) as {id}.
   */
  static String route(HttpServletRequest request, String path) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern instanceof String template && !template.contains("**")) {
      return truncate(template);
    }
    Matcher tenantApi = TENANT_API.matcher(path);
    if (tenantApi.matches()) {
      // no route of ours matched: what follows the tenant could be anything a client typed
      return "/api/{tenant}/(unmatched)";
    }
    StringBuilder route = new StringBuilder();
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      route.append('/').append(PLAIN_WORD.matcher(segments[i]).matches() || segments[i].isEmpty() ? segments[i] : "{id}");
    }
    return truncate(route.toString());
  }

  private static String truncate(String route) {
    return route.length() > 300 ? route.substring(0, 300) : route;
  }
}
