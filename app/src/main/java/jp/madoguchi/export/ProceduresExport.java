package jp.madoguchi.export;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Component;

/**
 * The procedures as deployed, every resource of the deployment (BPMN, DMN, forms):
 * {@code procedures/<deployment id>/<resource>}, the tenant's own deployments and the shared ones
 * whose processes or decisions ran for the tenant. Read through the engine's repository API.
 */
@Component
class ProceduresExport {

  private final RepositoryService repository;
  private final HistoryService history;

  ProceduresExport(RepositoryService repository, HistoryService history) {
    this.repository = repository;
    this.history = history;
  }

  /** Returns the ids of the deployments written. */
  List<String> write(ExportZip zip, String tenantId, ExportProgress progress) throws Exception {
    List<Deployment> deployments = new ArrayList<>(repository.createDeploymentQuery().tenantIdIn(tenantId).list());
    repository.createDeploymentQuery().withoutTenantId().list().stream().filter(shared -> usedBy(shared, tenantId))
        .forEach(deployments::add);
    progress.phase("procedures", deployments.size());
    List<String> ids = new ArrayList<>();
    for (Deployment deployment : deployments) {
      for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
        try (InputStream in = repository.getResourceAsStreamById(deployment.getId(), resource.getId());
            OutputStream out = zip.entry("procedures/" + deployment.getId() + "/" + safePath(resource.getName()))) {
          in.transferTo(out);
        }
      }
      ids.add(deployment.getId());
      progress.item();
    }
    return ids;
  }

  private boolean usedBy(Deployment shared, String tenantId) {
    boolean processes = repository.createProcessDefinitionQuery().deploymentId(shared.getId()).list().stream()
        .anyMatch(definition -> history.createHistoricProcessInstanceQuery().processDefinitionId(definition.getId())
            .tenantIdIn(tenantId).count() > 0);
    return processes || repository.createDecisionDefinitionQuery().deploymentId(shared.getId()).list().stream()
        .anyMatch(decision -> history.createHistoricDecisionInstanceQuery().decisionDefinitionId(decision.getId())
            .tenantIdIn(tenantId).count() > 0);
  }

  /** A resource name may have folders (forms/x/apply.form); each part is made safe on its own. */
  private static String safePath(String name) {
    return String.join("/", java.util.Arrays.stream(name.split("[/\\\\]")).filter(part -> !part.isBlank())
        .map(ExportZip::safeName).toList());
  }
}
