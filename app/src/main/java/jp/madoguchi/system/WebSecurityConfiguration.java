package jp.madoguchi.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Camunda's webapps and REST API bring their own authentication (and the webapps their own
 * CSRF protection); Spring Security adds the parts Camunda does not cover and closes what is
 * not meant to be reachable.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  @Bean
  SecurityFilterChain madoguchiSecurity(HttpSecurity http) throws Exception {
    http
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**", "/line/**", "/api/**"))
        .headers(headers -> headers
            .frameOptions(frame -> frame.sameOrigin())
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
        .authorizeHttpRequests(requests -> requests
            // Operators come from the seed file; Camunda's "create the first admin" page stays shut.
            .requestMatchers("/camunda/api/admin/setup/**", "/camunda/app/admin/*/setup/**").denyAll()
            .requestMatchers("/", "/index.html", "/assets/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/camunda/**", "/engine-rest/**").permitAll()
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable());
    return http.build();
  }
}
