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
        // the session is Camunda's webapp login, shared with Tasklist and the console: a new id per call
        // (session-fixation protection, which belongs to a login) refused the browser's other calls in flight
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("Madoguchi staff"));
    return http.build();
  }
}
