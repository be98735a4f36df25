package jp.madoguchi.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration {

  /** After the REST API's and the webapps' authentication, so that the task is looked up as the user sees it. */
  @Bean
  FilterRegistrationBean<TaskFormFieldsOnly> taskFormFieldsOnly(EngineTaskForms taskForms, ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new TaskFormFieldsOnly(taskForms, json));
    registration.setName("madoguchi-task-form-fields-only");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<OrdinaryStarts> ordinaryStarts(ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new OrdinaryStarts(json));
    registration.setName("madoguchi-ordinary-starts");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }
}
