package jp.madoguchi.gate;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.madoguchi.audit.AccessLogContext;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.web.RequestPaths;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's webapp login ({@code POST /camunda/api/admin/auth/user/default/login/{app}}): once
 * Camunda accepted the password, {@link StaffGate} decides. A refused person leaves without a
 * session, and the login page shows the reason (it displays the answer's {@code message}).
 */
class WebappLoginGate extends OncePerRequestFilter {

  static final String LOGIN_PATH = "^/camunda/api/admin/auth/user/[^/]+/login/[^/]+$";

  private final StaffGate gate;

  WebappLoginGate(StaffGate gate) {
    this.gate = gate;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isWebappLogin(request);
  }

  static boolean isWebappLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && RequestPaths.of(request).matches(LOGIN_PATH);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    HttpSession session = request.getSession(false);
    StaffMember member = buffered.getStatus() == HttpServletResponse.SC_OK ? StaffGateFilter.fromWebappSession(session) : null;
    if (member != null) {
      AccessLogContext.staff(request, member.id(), StaffGateFilter.tenantOfRequest(member, ""));
      var refusal = gate.check(member, ClientAddresses.of(request));
      if (refusal.isPresent()) {
        session.invalidate();
        buffered.resetBuffer();
        AccessLogContext.kind(request, "refused." + refusal.get().reason());
        refusal.get().send(response);
        return;
      }
    }
    buffered.copyBodyToResponse();
  }
}
