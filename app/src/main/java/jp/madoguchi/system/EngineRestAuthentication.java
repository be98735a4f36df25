package jp.madoguchi.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code /engine-rest} always authenticates with HTTP Basic against Camunda's identity service,
 * as Camunda Modeler does when it deploys. The authenticated user's groups and tenants then
 * drive Camunda's authorization and tenant checks.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    // before the perimeter's password check, which needs to know the caller
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
