package jp.madoguchi.identity;

import java.util.List;

import jp.madoguchi.system.SecurityRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The identity provider's callback authenticates itself with a signature over the body. */
@Component
class IdentityCallbackSecurityRules implements SecurityRules {

  @Override
  public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests.requestMatchers(HttpMethod.POST, "/identity/*/callback").permitAll();
  }

  @Override
  public List<String> csrfExempt() {
    return List.of("/identity/*/callback");
  }
}
