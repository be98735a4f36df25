package jp.madoguchi.staff;

import java.time.Duration;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sessions of Camunda's webapps before their login ({@link SessionsWithoutLogin}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebappSessionConfiguration.WebappSessionProperties.class)
class WebappSessionConfiguration {

  @Bean
  ServletListenerRegistrationBean<SessionsWithoutLogin> sessionsWithoutLogin(WebappSessionProperties properties,
      ServerProperties server) {
    return new ServletListenerRegistrationBean<>(new SessionsWithoutLogin(properties.maxWithoutLogin(),
        properties.idleWithoutLogin(), server.getServlet().getSession().getTimeout()));
  }

  /**
   * {@code maxWithoutLogin} sessions that have no login yet are kept at most (the oldest are ended),
   * each for {@code idleWithoutLogin} without a request.
   */
  @ConfigurationProperties("madoguchi.webapp-sessions")
  record WebappSessionProperties(int maxWithoutLogin, Duration idleWithoutLogin) {

    WebappSessionProperties {
      maxWithoutLogin = maxWithoutLogin <= 0 ? 10_000 : maxWithoutLogin;
      idleWithoutLogin = idleWithoutLogin == null || idleWithoutLogin.isNegative() || idleWithoutLogin.isZero()
          ? Duration.ofMinutes(10) : idleWithoutLogin;
    }
  }
}
