package jp.madoguchi.procedure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/** The procedures a tenant offers: the latest shared ones and the tenant's own. */
@Service
public class ProcedureCatalog {

  private final RepositoryService repository;

  ProcedureCatalog(RepositoryService repository) {
    this.repository = repository;
  }

  public List<Procedure> forTenant(String tenantId) {
    Map<String, ProcessDefinition> latest = new LinkedHashMap<>();
    List<ProcessDefinition> definitions = new ArrayList<>(repository.createProcessDefinitionQuery()
        .latestVersion().withoutTenantId().active().list());
    definitions.addAll(repository.createProcessDefinitionQuery().latestVersion().tenantIdIn(tenantId).active().list());
    for (ProcessDefinition definition : definitions) {
      latest.put(definition.getKey(), definition); // a tenant's own version wins over the shared one
    }
    return latest.values().stream()
        .filter(ProcessDefinition::isStartableInTasklist)
        .map(definition -> new Procedure(definition.getKey(),
            definition.getName() == null ? definition.getKey() : definition.getName(), definition.getDescription(),
            definition.getId()))
        .sorted(Comparator.comparing(Procedure::name))
        .toList();
  }

  public Optional<Procedure> find(String tenantId, String key) {
    return forTenant(tenantId).stream().filter(procedure -> procedure.key().equals(key)).findFirst();
  }

  public record Procedure(String key, String name, String description, String definitionId) {
  }
}
