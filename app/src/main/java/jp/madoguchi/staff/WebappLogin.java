package jp.madoguchi.staff;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is logged into Camunda's webapps (Tasklist, Cockpit, Admin) in this session. Camunda offers
 * no public API for this: its webapp keeps the login as {@link Authentications} under the session
 * attribute {@code authenticatedUser}. This is the one place that reads it (an engine upgrade
 * checks only here). Read only — unlike Camunda's own helper, nothing is created in a session that
 * has no login.
 */
public final class WebappLogin {

  private static final String SESSION_ATTRIBUTE = "authenticatedUser";
  private static final String ENGINE = "default";

  private WebappLogin() {
  }

  static boolean isLoginAttribute(String name) {
    return SESSION_ATTRIBUTE.equals(name);
  }

  public static Optional<String> userId(HttpSession session) {
    return login(session).map(UserAuthentication::getName);
  }

  /** The logged-in person with the groups and tenants Camunda gave the login. */
  public static Optional<StaffMember> member(HttpSession session) {
    return login(session).map(user -> new StaffMember(user.getName(), copy(user.getGroupIds()),
        copy(user.getTenantIds())));
  }

  private static Optional<UserAuthentication> login(HttpSession session) {
    if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Authentications logins)
        || !(logins.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user)) {
      return Optional.empty();
    }
    return Optional.of(user);
  }

  private static Set<String> copy(Collection<String> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }
}
