package jp.madoguchi.document;

import java.util.List;

import jp.madoguchi.system.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Public document verification: metadata and hash only; an uploaded file is compared, never stored. */
@Component
class VerificationSecurityRules implements SecurityRules {

  @Override
  public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests.requestMatchers("/verify/*/*").permitAll();
  }

  @Override
  public List<String> csrfExempt() {
    return List.of("/verify/**");
  }
}
