package jp.madoguchi.gate;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the gate sits among the filters: after authentication (Spring Security at -100, Camunda's
 * {@code /engine-rest} authentication at {@link #AFTER_AUTHENTICATION} - 50), before anything answers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GateProperties.class)
class GateConfiguration {

  /** Order of the gate's filters; {@code /engine-rest}'s authentication filter runs before it. */
  public static final int AFTER_AUTHENTICATION = 0;

  @Bean
  FilterRegistrationBean<StaffGateFilter> staffGateFilter(StaffGate gate, IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new StaffGateFilter(gate, identity));
    registration.setName("madoguchi-staff-gate");
    registration.setUrlPatterns(List.of("/camunda/*", "/engine-rest/*", "/api/*", "/admin/*"));
    registration.setOrder(AFTER_AUTHENTICATION);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappLoginGate> webappLoginGate(StaffGate gate) {
    var registration = new FilterRegistrationBean<>(new WebappLoginGate(gate));
    registration.setName("madoguchi-webapp-login-gate");
    registration.setUrlPatterns(List.of("/camunda/api/admin/auth/*"));
    registration.setOrder(AFTER_AUTHENTICATION);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SuspendedTenantFilter> suspendedTenantFilter(TenantDirectory tenants) {
    var registration = new FilterRegistrationBean<>(new SuspendedTenantFilter(tenants));
    registration.setName("madoguchi-suspended-tenant");
    registration.setUrlPatterns(List.of("/api/*", "/liff/*"));
    registration.setOrder(AFTER_AUTHENTICATION);
    return registration;
  }
}
