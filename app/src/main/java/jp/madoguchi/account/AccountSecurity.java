package jp.madoguchi.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /staff/password} authenticates with the current password in its body, like a login
 * form, so it needs no session and no CSRF token; a cross-site form cannot send its JSON body.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurity {

  @Bean
  @Order(-10)
  SecurityFilterChain passwordChangeSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/staff/password")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .headers(headers -> headers.frameOptions(frame -> frame.deny()))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable());
    return http.build();
  }
}
