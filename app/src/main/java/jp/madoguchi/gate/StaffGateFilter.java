package jp.madoguchi.gate;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.madoguchi.audit.AccessLogContext;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.staff.WebappLogin;
import jp.madoguchi.web.RequestPaths;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link StaffGate} to every request of a signed-in staff member on a staff surface:
 * Camunda's webapps and their APIs (session), {@code /engine-rest} (Basic, after Camunda's own
 * authentication filter), the staff and operator APIs and the console (Basic or session, after
 * Spring Security). Runs after authentication, so nobody learns anything before their password
 * was checked. The webapp login itself is checked by {@link WebappLoginGate}.
 */
class StaffGateFilter extends OncePerRequestFilter {

  private static final Pattern TENANT_PATH = Pattern.compile("^/(?:api|admin)/([a-z0-9-]{1,64})/.*");

  private final StaffGate gate;
  private final IdentityService identity;

  StaffGateFilter(StaffGate gate, IdentityService identity) {
    this.gate = gate;
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = RequestPaths.of(request);
    // sign-in and sign-out: WebappLoginGate checks the person who signs in, whatever an old session says
    return !isStaffSurface(path) || path.startsWith("/camunda/api/admin/auth/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    StaffMember member = signedIn(request);
    if (member != null) {
      String path = RequestPaths.of(request);
      AccessLogContext.staff(request, member.id(), tenantOfRequest(member, path));
      var refusal = gate.check(member, ClientAddresses.of(request));
      if (refusal.isEmpty() && !member.isOperator() && DeploymentWideFigures.matches(path)) {
        refusal = Optional.of(GateRefusal.operatorsOnly());
      }
      if (refusal.isPresent()) {
        AccessLogContext.kind(request, "refused." + refusal.get().reason());
        refusal.get().send(response);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The staff member of this request, however they signed in; null when nobody did (yet). */
  private StaffMember signedIn(HttpServletRequest request) {
    Authentication spring = SecurityContextHolder.getContext().getAuthentication();
    if (spring != null && spring.getPrincipal() instanceof StaffMember member) {
      return member;
    }
    var engine = identity.getCurrentAuthentication();
    if (engine != null && engine.getUserId() != null) {
      return new StaffMember(engine.getUserId(), Set.copyOf(nullSafe(engine.getGroupIds())),
          Set.copyOf(nullSafe(engine.getTenantIds())));
    }
    return fromWebappSession(request.getSession(false));
  }

  static StaffMember fromWebappSession(HttpSession session) {
    return WebappLogin.member(session).orElse(null);
  }

  /** The tenant whose log gets the entry: the one in the path for an operator, else the member's own. */
  static String tenantOfRequest(StaffMember member, String path) {
    if (member.tenants().size() == 1) {
      return member.tenants().iterator().next();
    }
    Matcher matcher = TENANT_PATH.matcher(path);
    return member.isOperator() && matcher.matches() && !"operator".equals(matcher.group(1)) ? matcher.group(1) : null;
  }

  static boolean isStaffSurface(String path) {
    return path.startsWith("/camunda/") || path.startsWith("/engine-rest/") || path.startsWith("/admin/")
        || path.startsWith("/api/operator/") || path.matches("^/api/[^/]+/admin(/.*)?$");
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }
}
