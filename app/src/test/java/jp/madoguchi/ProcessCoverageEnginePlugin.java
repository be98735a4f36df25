package jp.madoguchi;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Puts the coverage listeners on every element of the shared test engine. They report to
 * {@link ProcessCoverageRecorder}, which keeps events only while a {@link ProcessCoverage} class runs,
 * so other tests are not affected. Only the engine's extension API is used, so the same code runs on
 * Camunda and on Operaton.
 */
class ProcessCoverageEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new ProcessCoverageParseListener());
  }
}
