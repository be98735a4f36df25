package jp.madoguchi.staff;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.perimeter.CrossSiteRequests;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a staff member who is logged into Camunda's webapps (Tasklist, Cockpit) use the staff API
 * without a second login: photos in Tasklist forms, the upload page, the tenant admin console.
 * Every method is accepted under contract C4: a change needs a request from this app's own pages
 * ({@link CrossSiteRequests#refusalForSession}); anything else is refused with 403 and the session
 * stays as it was. The person's groups and tenants are read afresh, as for a Basic login.
 */
final class TasklistSessionAuthentication extends OncePerRequestFilter {

  private final IdentityService identity;
  private final CrossSiteRequests crossSite;

  TasklistSessionAuthentication(IdentityService identity, CrossSiteRequests crossSite) {
    this.identity = identity;
    this.crossSite = crossSite;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      Optional<String> userId = WebappLogin.userId(request.getSession(false))
          .filter(id -> identity.createUserQuery().userId(id).count() == 1);
      if (userId.isPresent()) {
        Optional<String> refusal = crossSite.refusalForSession(request);
        if (refusal.isPresent()) {
          crossSite.refuse(response, refusal.get());
          return;
        }
        SecurityContextHolder.getContext().setAuthentication(StaffAuthenticationProvider.staff(identity, userId.get()));
      }
    }
    chain.doFilter(request, response);
  }
}
