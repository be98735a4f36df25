package jp.madoguchi.access;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.procedure.EveryUserTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the engine grants: per procedure and department, decided at deployment, never per task (who
 * claims and completes a task is checked by {@link TaskWorkers}). The
 * engine's default provider writes one TASK authorization row per candidate group and assignee of
 * every task; the authorization check of a task query joins all those rows of the user's groups
 * (shared by every tenant) against every task, which made a clerk's queue take ~30 s at 20,000 open
 * tasks. With grants per (group, procedure) the check joins a handful of rows. Camunda's authorization
 * checks are followed by what no signed-in person may do whatever the grants ({@link StaffLimits},
 * {@link NoJobSuspension}).
 */
@Configuration(proxyBeanMethods = false)
class AccessEngineConfiguration {

  @Bean
  ProcessEnginePlugin accessEnginePlugin(ObjectProvider<DepartmentAuthorizations> departmentAuthorizations) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new NoPerTaskAuthorizations());
        if (configuration.getCustomPostDeployers() == null) {
          configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPostDeployers().add(new DepartmentDeployer(departmentAuthorizations::getObject));
        if (configuration.getCustomPreBPMNParseListeners() == null) {
          configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new EveryUserTask(new TaskWorkers(),
            TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE));
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
          interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        interceptors.add(new NoJobSuspension());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
      }

      /** After the engine made its default checkers. */
      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getCommandCheckers().replaceAll(checker ->
            checker.getClass() == AuthorizationCommandChecker.class ? new StaffLimits() : checker);
      }
    };
  }
}
