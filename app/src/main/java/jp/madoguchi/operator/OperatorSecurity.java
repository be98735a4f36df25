package jp.madoguchi.operator;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator API takes HTTP Basic with an operator's Camunda account and no session. A browser
 * that cached those credentials must not be driven by another site: a change that says it comes
 * from another origin ({@code Origin}, {@code Sec-Fetch-Site}) is refused.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

  @Bean
  @Order(-9)
  SecurityFilterChain operatorApiSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/operator/**")
        .addFilterBefore(new SameOriginChanges(), BasicAuthenticationFilter.class)
        .csrf(csrf -> csrf.disable())
        // a browser logged in to Tasklist keeps its session id: a new one per call (session-fixation
        // protection, which belongs to a login) would refuse its other calls in flight
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("Madoguchi operators"));
    return http.build();
  }

  static final class SameOriginChanges extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      boolean change = !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
      String origin = request.getHeader("Origin");
      String fetchSite = request.getHeader("Sec-Fetch-Site");
      String own = request.getScheme() + "://" + request.getHeader("Host");
      boolean crossSite = origin != null && !origin.equalsIgnoreCase(own)
          || fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none");
      if (change && crossSite) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"message\":\"他のサイトからの操作は受け付けません (cross-site request refused)\"}");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
