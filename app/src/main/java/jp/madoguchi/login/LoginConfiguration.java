package jp.madoguchi.login;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The throttle runs before any authentication (Spring Security is at -100). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class LoginConfiguration {

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginLocks locks, IdentityService identity, Clock clock) {
    var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(locks, identity, clock));
    registration.setName("madoguchi-login-throttle");
    registration.setUrlPatterns(List.of("/camunda/api/*", "/engine-rest/*", "/api/*"));
    registration.setOrder(-150);
    return registration;
  }
}
