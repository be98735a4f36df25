package jp.madoguchi.enginerest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Requests to Camunda's REST APIs refused before Camunda answers them, once the caller is known. */
@Configuration(proxyBeanMethods = false)
class EngineRestFilters {

  @Bean
  FilterRegistrationBean<RefusedRequests> refusedRequests() {
    var registration = new FilterRegistrationBean<>(new RefusedRequests());
    registration.setName("madoguchi-refused-engine-requests");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }
}
