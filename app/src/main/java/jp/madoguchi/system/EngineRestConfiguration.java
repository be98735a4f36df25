package jp.madoguchi.system;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API as the starter configures it, with two changes: a process start refused by
 * the procedure's own checks answers 400 with the reasons instead of Camunda's generic 500, and a
 * deployment refused by the deploy guard 400 (or 403) with every reason.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    Set<Class<?>> configuration = CamundaRestResources.getConfigurationClasses().stream()
        .filter(type -> type != RestExceptionHandler.class)
        .collect(Collectors.toSet());
    registerClasses(configuration);
    register(BadStartRequestHandler.class);
    register(DeploymentRefusedHandler.class);
    register(JacksonFeature.class);
  }
}
