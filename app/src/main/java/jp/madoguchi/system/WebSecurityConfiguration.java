package jp.madoguchi.system;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Camunda's webapps and REST API bring their own authentication (and the webapps their own CSRF
 * protection); Spring Security adds the parts Camunda does not cover and closes what is not meant
 * to be reachable. Features add their own paths as {@link SecurityRules}.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  private static final List<String> CAMUNDA = List.of("/camunda/**", "/engine-rest/**");

  /**
   * No traces or metrics leave the app (Actuator exposes health only), so the filters are not wrapped
   * in observations: that wrapping took about half the CPU of a webhook acknowledgement (LineBenchmark).
   */
  @Bean
  static SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(2)
  SecurityFilterChain madoguchiSecurity(HttpSecurity http, ObjectProvider<SecurityRules> features) throws Exception {
    List<SecurityRules> rules = features.orderedStream().toList();
    String[] csrfExempt = Stream.concat(CAMUNDA.stream(), rules.stream().flatMap(rule -> rule.csrfExempt().stream()))
        .toArray(String[]::new);
    http
        .csrf(csrf -> csrf.ignoringRequestMatchers(csrfExempt))
        .headers(headers -> headers
            .frameOptions(frame -> frame.sameOrigin())
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
        .authorizeHttpRequests(requests -> {
          // Operators come from the seed file; Camunda's "create the first admin" page stays shut.
          requests.requestMatchers("/camunda/api/admin/setup/**", "/camunda/app/admin/*/setup/**").denyAll();
          requests.requestMatchers("/", "/index.html", "/assets/**", "/favicon.ico", "/error").permitAll();
          requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
          requests.requestMatchers(CAMUNDA.toArray(String[]::new)).permitAll();
          rules.forEach(rule -> rule.authorize(requests));
          requests.anyRequest().denyAll();
        })
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        // no login here to return to: saving a refused request would open a session per anonymous request
        .requestCache(cache -> cache.disable());
    return http.build();
  }
}
