package jp.madoguchi.perimeter;

import jp.madoguchi.system.MadoguchiProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The perimeter's servlet filters, in the order a request meets them: a disguised path, size and content of the body,
 * Content-Security-Policy, cross-site refusal of Basic logins, Camunda's CSRF token without losing
 * the session, then (after the access log) plain HTTP from another machine — all before Spring
 * Security and Camunda's own filters. The password check runs last,
 * after Camunda's REST authentication has identified the caller.
 */
@Configuration(proxyBeanMethods = false)
class PerimeterFilters {

  private static final Logger log = LoggerFactory.getLogger(PerimeterFilters.class);

  @Bean
  CrossSiteRequests crossSiteRequests(MadoguchiProperties madoguchi, PerimeterProperties properties) {
    return new CrossSiteRequests(madoguchi.publicUrl(), properties.desktopOrigins());
  }

  /** After the access log, so that a refused plain request is in it; before Spring Security and any login. */
  @Bean
  FilterRegistrationBean<PlainHttpRefusal> plainHttpRefusal(MadoguchiProperties madoguchi,
      PerimeterProperties properties) {
    TlsRequirement requirement = TlsRequirement.of(properties.requireTls(), madoguchi.publicUrl());
    log.info(requirement.describe());
    FilterRegistrationBean<PlainHttpRefusal> registration = registration(new PlainHttpRefusal(madoguchi.publicUrl()),
        -190, "/*");
    registration.setEnabled(requirement.required());
    return registration;
  }

  @Bean
  FilterRegistrationBean<DisguisedPathRefusal> disguisedPathRefusal() {
    return registration(new DisguisedPathRefusal(), Ordered.HIGHEST_PRECEDENCE + 5, "/*");
  }

  @Bean
  FilterRegistrationBean<DirectErrorPageRequest> directErrorPageRequest(
      @Value("${server.error.path:${error.path:/error}}") String errorPath) {
    return registration(new DirectErrorPageRequest(), Ordered.HIGHEST_PRECEDENCE + 6, errorPath);
  }

  @Bean
  FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(PerimeterProperties properties) {
    return registration(new RequestBodyGuard(properties), Ordered.HIGHEST_PRECEDENCE + 10, "/*");
  }

  @Bean
  FilterRegistrationBean<ContentSecurityPolicies> contentSecurityPolicies() {
    return registration(new ContentSecurityPolicies(), Ordered.HIGHEST_PRECEDENCE + 20, "/", "/index.html", "/liff/*");
  }

  @Bean
  FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(CrossSiteRequests rules) {
    return registration(new CrossSiteRequestFilter(rules), Ordered.HIGHEST_PRECEDENCE + 30,
        "/engine-rest/*", "/api/*");
  }

  @Bean
  FilterRegistrationBean<CamundaCsrfGuard> camundaCsrfGuard() {
    return registration(new CamundaCsrfGuard(), Ordered.HIGHEST_PRECEDENCE + 40, "/camunda/api/*", "/camunda/app/*");
  }

  @Bean
  FilterRegistrationBean<NewPasswordCheck> newPasswordCheck(IdentityService identity,
      AuthorizationService authorizations) {
    return registration(new NewPasswordCheck(identity, authorizations), Ordered.LOWEST_PRECEDENCE,
        "/engine-rest/*", "/camunda/api/engine/*");
  }

  private static <T extends jakarta.servlet.Filter> FilterRegistrationBean<T> registration(T filter, int order,
      String... urlPatterns) {
    FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
    registration.setName(filter.getClass().getSimpleName());
    registration.setOrder(order);
    registration.addUrlPatterns(urlPatterns);
    return registration;
  }
}
