package jp.madoguchi.staff;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Who is logged into Camunda's webapps (Tasklist, Cockpit, Admin) in this session. Camunda offers
 * no public API for this: its webapp keeps the login as {@link Authentications} under the session
 * attribute {@code authenticatedUser}. Read only — unlike Camunda's own helper, nothing is created
 * in a session that has no login.
 */
final class WebappLogin {

  private static final String SESSION_ATTRIBUTE = "authenticatedUser";
  private static final String ENGINE = "default";

  private WebappLogin() {
  }

  static Optional<String> userId(HttpSession session) {
    if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Authentications logins)) {
      return Optional.empty();
    }
    var login = logins.getAuthenticationForProcessEngine(ENGINE);
    return login == null ? Optional.empty() : Optional.ofNullable(login.getName());
  }
}
