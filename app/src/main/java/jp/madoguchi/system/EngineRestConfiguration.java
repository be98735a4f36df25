package jp.madoguchi.system;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API as the starter configures it, with these changes: a call refused by the
 * procedure's own checks, or failing on the caller's own bad input, answers 400 with the reasons
 * instead of Camunda's generic 500 ({@link EngineBadInput}), a deployment refused by the deploy guard
 * 400 (or 403) with every reason, and an id the caller may not see the same 404 whether it is
 * unknown, another tenant's or another department's.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    Set<Class<?>> configuration = CamundaRestResources.getConfigurationClasses().stream()
        .filter(type -> type != RestExceptionHandler.class && type != ProcessEngineExceptionHandler.class)
        .collect(Collectors.toSet());
    registerClasses(configuration);
    register(BadStartRequestHandler.class);
    register(DeploymentRefusedHandler.class);
    register(EngineExceptionHandler.class);
    register(JacksonFeature.class);
  }
}
