package jp.madoguchi.application;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class SubmissionLimiterConfiguration {

  @Bean
  SubmissionLimiter submissionLimiter(SubmissionLimits limits) {
    return new SubmissionLimiter(limits);
  }

  /** Right after the database-outage filter: a shed request never reaches security, parsing or the database. */
  @Bean
  FilterRegistrationBean<SubmissionLimiter> submissionLimiterRegistration(SubmissionLimiter limiter) {
    var registration = new FilterRegistrationBean<>(limiter);
    registration.setName("submission-limiter");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    return registration;
  }
}
