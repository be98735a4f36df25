package jp.madoguchi.system;

import jp.madoguchi.line.LineEndpoints;
import jp.madoguchi.perimeter.CrossSiteRequests;
import jp.madoguchi.staff.TasklistSessionAuthentication;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Camunda's webapps and REST API bring their own authentication (and the webapps their own
 * CSRF protection); Spring Security adds the parts Camunda does not cover and closes what is
 * not meant to be reachable.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  private final boolean lineSimulatorEnabled;

  WebSecurityConfiguration(LineEndpoints lineEndpoints) {
    this.lineSimulatorEnabled = lineEndpoints.usesSimulator();
  }

  /**
   * Madoguchi's staff APIs: HTTP Basic with the Camunda account or the Camunda webapp login (contract
   * C4, cross-site requests refused), no session of their own, checked per tenant.
   */
  @Bean
  @Order(1)
  SecurityFilterChain staffApiSecurity(HttpSecurity http, IdentityService identity, CrossSiteRequests crossSite)
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

  @Bean
  @Order(2)
  SecurityFilterChain madoguchiSecurity(HttpSecurity http) throws Exception {
    http
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**", "/line/**", "/api/**",
            "/line-simulator/**", "/v2/bot/**", "/verify/**",
            "/payment/*/callback", "/identity/*/callback"))
        .headers(headers -> headers
            .frameOptions(frame -> frame.sameOrigin())
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
        .authorizeHttpRequests(requests -> requests
            // Operators come from the seed file; Camunda's "create the first admin" page stays shut.
            .requestMatchers("/camunda/api/admin/setup/**", "/camunda/app/admin/*/setup/**").denyAll()
            .requestMatchers("/", "/index.html", "/assets/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers(HttpMethod.GET, "/liff/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            // public document verification (metadata and hash only; an upload is compared, never stored)
            .requestMatchers("/verify/*/*").permitAll()
            .requestMatchers("/camunda/**", "/engine-rest/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/line/*/webhook").permitAll()
            // provider callbacks authenticate themselves with a signature over the body
            .requestMatchers(HttpMethod.POST, "/payment/*/callback", "/identity/*/callback").permitAll()
            // the resident API checks a LIFF ID token itself; its admin part has its own chain above
            .requestMatchers("/api/**").permitAll()
            .requestMatchers("/line-simulator/**", "/v2/bot/**", "/oauth2/v2.1/certs").access((authentication, request) ->
                new AuthorizationDecision(lineSimulatorEnabled))
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable());
    return http.build();
  }
}
