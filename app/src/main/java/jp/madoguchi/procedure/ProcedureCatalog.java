package jp.madoguchi.procedure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Service;

/**
 * The procedures a tenant offers: the latest shared ones and the tenant's own. What residents read
 * about a procedure comes from the BPMN: its name, documentation, and the process properties
 * {@code summary}, {@code prepare}, {@code fee} and {@code processingTime}.
 */
@Service
public class ProcedureCatalog {

  /** Deployments are rare; a new one is visible within this time. */
  private static final long FRESH_MILLIS = 5_000;

  private final RepositoryService repository;
  private final Map<String, Map<String, String>> propertiesByDefinition = new ConcurrentHashMap<>();
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();

  private record Listing(List<Procedure> procedures, long loadedAt) {
  }

  ProcedureCatalog(RepositoryService repository) {
    this.repository = repository;
  }

  public List<Procedure> forTenant(String tenantId) {
    long now = System.currentTimeMillis();
    Listing listing = listings.get(tenantId);
    if (listing == null || now - listing.loadedAt() > FRESH_MILLIS) {
      listing = new Listing(load(tenantId), now);
      listings.put(tenantId, listing);
    }
    return listing.procedures();
  }

  private List<Procedure> load(String tenantId) {
    Map<String, ProcessDefinition> latest = new LinkedHashMap<>();
    List<ProcessDefinition> definitions = new ArrayList<>(repository.createProcessDefinitionQuery()
        .latestVersion().withoutTenantId().active().list());
    definitions.addAll(repository.createProcessDefinitionQuery().latestVersion().tenantIdIn(tenantId).active().list());
    for (ProcessDefinition definition : definitions) {
      latest.put(definition.getKey(), definition); // a tenant's own version wins over the shared one
    }
    return latest.values().stream()
        .filter(ProcessDefinition::isStartableInTasklist)
        .map(this::toProcedure)
        .sorted(Comparator.comparing(Procedure::name))
        .toList();
  }

  public Optional<Procedure> find(String tenantId, String key) {
    return forTenant(tenantId).stream().filter(procedure -> procedure.key().equals(key)).findFirst();
  }

  private Procedure toProcedure(ProcessDefinition definition) {
    Map<String, String> properties = propertiesByDefinition.computeIfAbsent(definition.getId(), this::properties);
    return new Procedure(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName(),
        definition.getDescription(), properties.get("summary"), properties.get("prepare"), properties.get("fee"),
        properties.get("processingTime"), definition.getId());
  }

  /** A process-level extension property of the procedure's BPMN ({@code <camunda:property>}), or null. */
  public String property(String processDefinitionId, String name) {
    return propertiesByDefinition.computeIfAbsent(processDefinitionId, this::properties).get(name);
  }

  private Map<String, String> properties(String definitionId) {
    return ProcedureProperties.of(repository.getBpmnModelInstance(definitionId).getModelElementsByType(Process.class)
        .stream().findFirst().orElse(null));
  }

  public record Procedure(String key, String name, String description, String summary, String prepare, String fee,
      String processingTime, String definitionId) {
  }
}
