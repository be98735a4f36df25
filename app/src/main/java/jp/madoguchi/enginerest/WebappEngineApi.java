package jp.madoguchi.enginerest;

import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The webapps' engine API ({@code /camunda/api/engine}, which Tasklist and Cockpit call) with the
 * error answers of {@code /engine-rest} ({@link EngineRestErrors}). Camunda's own answered another
 * municipality's task or process instance with a 500 naming ENGINE-13034, another department's with
 * a 403 naming the procedure, and an unknown one with a 404 or a 500: which ids exist and whose they
 * are could be read off the answers.
 */
@Configuration(proxyBeanMethods = false)
class WebappEngineApi {

  /** The name Camunda's webapp initializer gives its servlet; it adds none when the name is taken. */
  static final String SERVLET_NAME = "Engine Api";

  /**
   * Only where the webapps are: without them their authentication filter is missing too, and the
   * engine would take every call as no user's, unchecked.
   */
  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApiServlet(CamundaBpmProperties properties,
      ObjectProvider<CamundaBpmWebappAutoConfiguration> webapps) {
    ResourceConfig api = new ResourceConfig();
    api.register(NamedProcessEngineRestServiceImpl.class);
    api.registerClasses(EngineRestConfiguration.configurationClasses());
    api.register(EngineRestErrors.class);
    api.register(UnseenIdsFirst.class);
    api.register(UnseenUsersAsUnknown.class);
    api.register(ExpressionsInOrQueriesRefused.class);
    api.register(DeploymentRefusedHandler.class);
    var registration = new ServletRegistrationBean<>(new ServletContainer(api),
        properties.getWebapp().getApplicationPath() + "/api/engine/*");
    registration.setName(SERVLET_NAME);
    registration.setEnabled(webapps.getIfAvailable() != null);
    // before Camunda's webapp initializer, which has no order
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
