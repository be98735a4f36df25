package jp.madoguchi.retention;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Retention by the engine's own removal-time based history cleanup: the removal time is set when
 * the application is completed ({@code end} strategy) from the procedure's {@code retentionYears},
 * and the cleanup job removes the history in its nightly window (application.yaml,
 * {@code history-cleanup-batch-window-*}). {@link ExpiredApplications} then removes the app's own rows.
 */
@Configuration(proxyBeanMethods = false)
class RetentionEngineConfiguration {

  @Bean
  ProcessEnginePlugin retentionEnginePlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
        configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        configuration.setHistoryRemovalTimeProvider(new RetentionRemovalTime(new BpmnRetentionPolicy()));
        if (configuration.getCustomPreBPMNParseListeners() == null) {
          configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new RetentionYearsAsTimeToLive());
      }
    };
  }
}
