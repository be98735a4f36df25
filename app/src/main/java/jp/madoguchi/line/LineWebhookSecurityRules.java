package jp.madoguchi.line;

import java.util.List;

import jp.madoguchi.system.SecurityRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** LINE's webhook: anyone may post; the signature over the body is checked by the controller. */
@Component
class LineWebhookSecurityRules implements SecurityRules {

  @Override
  public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests.requestMatchers(HttpMethod.POST, "/line/*/webhook").permitAll();
  }

  @Override
  public List<String> csrfExempt() {
    return List.of("/line/**");
  }
}
