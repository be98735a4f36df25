package jp.madoguchi.account;

import java.util.List;

import jp.madoguchi.system.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * {@code /staff/password} authenticates with the current password in its JSON body, like a login
 * form: open to reach, no session, no CSRF token (a cross-site form cannot send a JSON body).
 */
@Component
class PasswordChangeSecurityRules implements SecurityRules {

  @Override
  public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests.requestMatchers("/staff/password").permitAll();
  }

  @Override
  public List<String> csrfExempt() {
    return List.of("/staff/password");
  }
}
