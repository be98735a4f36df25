package jp.madoguchi.statistics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** One {@link ResidentStatusMap} per process definition; a deployed definition never changes. */
@Component
class ResidentStatusMaps {

  private final RepositoryService repository;
  private final Map<String, ResidentStatusMap> maps = new ConcurrentHashMap<>();

  ResidentStatusMaps(RepositoryService repository) {
    this.repository = repository;
  }

  ResidentStatusMap of(String processDefinitionId) {
    return maps.computeIfAbsent(processDefinitionId, id -> new ResidentStatusMap(repository.getBpmnModelInstance(id)));
  }
}
