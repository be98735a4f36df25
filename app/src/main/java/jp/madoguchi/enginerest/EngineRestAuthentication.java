package jp.madoguchi.enginerest;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    registration.addUrlPatterns("/engine-rest/*");
    // after Spring Security (-100) and before the staff gate (0), which checks the user it authenticated,
    // and before the filters that act as that user (access.TaskFormFieldsOnly, perimeter.NewPasswordCheck)
    registration.setOrder(-50);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
