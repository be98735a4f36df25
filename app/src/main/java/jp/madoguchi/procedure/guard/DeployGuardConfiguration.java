package jp.madoguchi.procedure.guard;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Puts the deploy guard into the engine, ahead of Camunda's own deployers, and the parser's refusal of
 * built-in task types ({@link NoBuiltInTaskTypes}) behind it.
 */
@Configuration(proxyBeanMethods = false)
class DeployGuardConfiguration {

  @Bean
  ProcessEnginePlugin deployGuardPlugin(ListableBeanFactory beans, ApplicationEventPublisher publisher,
      ObjectProvider<PlatformTransactionManager> transactions) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
          configuration.setCustomPreDeployers(new ArrayList<>());
        }
        var environment = new EngineGuardEnvironment(beans, configuration::getIdentityService);
        configuration.getCustomPreDeployers().add(new GuardDeployer(environment,
            new DeploymentEvents(publisher, transactions::getObject)));
        if (configuration.getCustomPreBPMNParseListeners() == null) {
          configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new NoBuiltInTaskTypes());
      }
    };
  }
}
