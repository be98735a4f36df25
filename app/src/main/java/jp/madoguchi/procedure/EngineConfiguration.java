package jp.madoguchi.procedure;

import java.util.ArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings that have no Spring Boot property: the tenant of each instance, the check of every
 * clerk's task form, and expressions limited to process variables and the procedure building blocks.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  @Bean
  ProcessEnginePlugin madoguchiEnginePlugin(ObjectProvider<ProcedureForms> forms, ObjectMapper json,
      ListableBeanFactory beans) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new ProcedureExpressionManager(new BuildingBlocks(beans)));
        configuration.setTenantIdProvider(new ProcedureTenantIdProvider(configuration::getIdentityService));
        if (configuration.getCustomPreBPMNParseListeners() == null) {
          configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        TaskListener validation = new LazyTaskListener(() -> new TaskFormValidation(forms.getObject(), json));
        configuration.getCustomPreBPMNParseListeners().add(
            new EveryUserTask(validation, TaskListener.EVENTNAME_COMPLETE));
      }
    };
  }

  /** ProcedureForms needs the engine's services, which exist only after the engine is built. */
  private static final class LazyTaskListener implements TaskListener {

    private final java.util.function.Supplier<TaskListener> factory;
    private volatile TaskListener delegate;

    LazyTaskListener(java.util.function.Supplier<TaskListener> factory) {
      this.factory = factory;
    }

    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateTask task) {
      TaskListener current = delegate;
      if (current == null) {
        current = factory.get();
        delegate = current;
      }
      current.notify(task);
    }
  }
}
