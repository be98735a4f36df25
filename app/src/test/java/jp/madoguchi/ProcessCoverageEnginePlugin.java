package jp.madoguchi;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;

/**
 * Puts process-test-coverage's listeners on every element of the shared test engine. They report
 * to {@link ProcessCoverageRecorder}, which keeps events only while a {@link ProcessCoverage} class
 * runs, so other tests are not affected.
 */
class ProcessCoverageEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    new ProcessEngineAdapter(engine, ProcessCoverageRecorder.INSTANCE).initializeListeners();
  }
}
