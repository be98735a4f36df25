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

  /**
   * Right after the perimeter has read the body (perimeter.RequestBodyGuard, at +10): a turn is taken
   * only by a request that arrived whole, so clients that send their bodies slowly cannot hold the
   * turns; a shed request still never reaches security, parsing or the database.
   */
  @Bean
  FilterRegistrationBean<SubmissionLimiter> submissionLimiterRegistration(SubmissionLimiter limiter) {
    var registration = new FilterRegistrationBean<>(limiter);
    registration.setName("submission-limiter");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    return registration;
  }
}
