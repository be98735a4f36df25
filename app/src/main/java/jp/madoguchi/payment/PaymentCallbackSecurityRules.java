package jp.madoguchi.payment;

import java.util.List;

import jp.madoguchi.system.SecurityRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The payment provider's callback authenticates itself with a signature over the body. */
@Component
class PaymentCallbackSecurityRules implements SecurityRules {

  @Override
  public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests.requestMatchers(HttpMethod.POST, "/payment/*/callback").permitAll();
  }

  @Override
  public List<String> csrfExempt() {
    return List.of("/payment/*/callback");
  }
}
