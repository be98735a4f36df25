package jp.madoguchi.liff;

import java.util.List;

import jp.madoguchi.system.SecurityRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The resident's LIFF pages and JSON API: open to anyone; the API checks a LIFF ID token itself. */
@Component
class ResidentSecurityRules implements SecurityRules {

  @Override
  public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests.requestMatchers(HttpMethod.GET, "/liff/**").permitAll();
    // staff paths under /api/*/admin/** have their own chain (staff.StaffApiSecurity) before this one
    requests.requestMatchers("/api/**").permitAll();
  }

  @Override
  public List<String> csrfExempt() {
    return List.of("/api/**");
  }
}
