package jp.madoguchi.staff;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a clerk who is logged into Tasklist read staff resources (e.g. the photos a Tasklist form
 * shows as images) without a second login. Only for reading: a GET cannot change anything, and
 * the session cookie is SameSite=Lax, so other sites cannot use it. Changes still need HTTP Basic.
 * The person's groups and tenants are read afresh, as for a Basic login.
 */
final class TasklistSessionAuthentication extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  private final IdentityService identity;

  TasklistSessionAuthentication(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && "GET".equals(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      var user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
      if (user != null && identity.createUserQuery().userId(user.getName()).count() == 1) {
        SecurityContextHolder.getContext().setAuthentication(StaffAuthenticationProvider.staff(identity, user.getName()));
      }
    }
    chain.doFilter(request, response);
  }
}
