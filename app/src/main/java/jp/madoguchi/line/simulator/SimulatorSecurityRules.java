package jp.madoguchi.line.simulator;

import java.util.List;

import jp.madoguchi.system.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The demo's LINE simulator: its page, LINE's Messaging API paths it answers, and its LINE Login key set. */
@Component
@SimulatorEnabled
class SimulatorSecurityRules implements SecurityRules {

  @Override
  public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests.requestMatchers("/line-simulator/**", "/v2/bot/**", "/oauth2/v2.1/certs").permitAll();
  }

  @Override
  public List<String> csrfExempt() {
    return List.of("/line-simulator/**", "/v2/bot/**");
  }
}
