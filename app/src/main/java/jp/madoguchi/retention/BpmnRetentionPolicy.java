package jp.madoguchi.retention;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * Reads {@code retentionYears} where the parse listener put it: on the deployed process definition
 * (a deployed definition never changes, so the answer is kept). Asked by the engine inside its
 * commands.
 */
final class BpmnRetentionPolicy implements RetentionPolicy {

  static final String DEFINITION_PROPERTY = "madoguchi.retentionYears";

  private final Map<String, OptionalInt> byDefinition = new ConcurrentHashMap<>();

  @Override
  public OptionalInt retentionYears(String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId, id -> {
      ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(id);
      Object years = definition.getProperty(DEFINITION_PROPERTY);
      return years instanceof Integer value ? OptionalInt.of(value) : OptionalInt.empty();
    });
  }
}
