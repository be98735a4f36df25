package jp.madoguchi.audit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access log filter wraps everything else (login throttle, authentication, gate), so it sees every outcome. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

  @Bean
  @ConditionalOnProperty(name = "madoguchi.audit.access-log", havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<AccessLogFilter> accessLogFilter(AuditLog auditLog, AnonymousRefusals anonymousRefusals,
      AnonymousAnswers anonymousAnswers, Clock clock) {
    var registration = new FilterRegistrationBean<>(
        new AccessLogFilter(auditLog, anonymousRefusals, anonymousAnswers, clock));
    registration.setName("madoguchi-access-log");
    registration.addUrlPatterns("/*");
    registration.setOrder(-200);
    return registration;
  }
}
