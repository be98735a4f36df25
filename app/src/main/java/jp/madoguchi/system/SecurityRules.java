package jp.madoguchi.system;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's own paths in the application's security chain: each feature says who may reach its
 * paths (finer checks, such as a signature or an ID token, happen in the feature itself). Whatever no
 * feature claims is refused.
 */
public interface SecurityRules {

  void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

  /** Paths whose callers prove themselves without a browser session (signatures, tokens): no CSRF token. */
  default List<String> csrfExempt() {
    return List.of();
  }
}
