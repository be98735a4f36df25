package jp.madoguchi.enginerest;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.system.EngineRestExtension;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API as the starter configures it, with two changes: its error answers come from
 * {@link EngineRestErrors} and {@link DeploymentRefusedHandler} (the caller's mistakes are a 400 with
 * the reasons, an id the caller may not see a uniform 404, an unreachable database a 503), and
 * features add their filters ({@link EngineRestExtension}, e.g. process starts honouring an
 * {@code Idempotency-Key}).
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  private static final Set<Class<?>> REPLACED = Set.of(ExceptionHandler.class, ProcessEngineExceptionHandler.class,
      RestExceptionHandler.class);

  private final List<EngineRestExtension> extensions;

  EngineRestConfiguration(List<EngineRestExtension> extensions) {
    this.extensions = extensions;
  }

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    registerClasses(configurationClasses());
    register(EngineRestErrors.class);
    register(UnseenIdsFirst.class);
    register(UnseenUsersAsUnknown.class);
    register(ExpressionsInOrQueriesRefused.class);
    register(DeploymentRefusedHandler.class);
    extensions.forEach(this::register);
    register(JacksonFeature.class);
  }

  /** Camunda's providers (JSON, multipart …) without its error mappers. */
  static Set<Class<?>> configurationClasses() {
    return CamundaRestResources.getConfigurationClasses().stream()
        .filter(type -> !REPLACED.contains(type))
        .collect(Collectors.toSet());
  }
}
