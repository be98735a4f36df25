package jp.madoguchi.staff;

import jp.madoguchi.perimeter.CrossSiteRequests;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Madoguchi's staff APIs: HTTP Basic with the Camunda account or the Camunda webapp login (contract
 * C4, cross-site requests refused), no session of their own, checked per tenant.
 */
@Configuration(proxyBeanMethods = false)
class StaffApiSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain staffApiFilterChain(HttpSecurity http, IdentityService identity, CrossSiteRequests crossSite)
      throws Exception {
    http
        .securityMatcher("/api/*/admin/**")
        .addFilterBefore(new TasklistSessionAuthentication(identity, crossSite), BasicAuthenticationFilter.class)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("Madoguchi staff"));
    return http.build();
  }
}
