package jp.madoguchi.procedure.guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.procedure.DeploymentRefusedException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs inside the engine, before the BPMN, DMN and form deployers, for every new deployment whatever
 * its way in (the app's start, {@code /engine-rest/deployment/create}, the webapps, Java code): a
 * refused deployment throws, so its transaction stores nothing. Deployments read back from the
 * database (after a restart) are not checked again.
 */
final class GuardDeployer implements Deployer {

  private static final Logger log = LoggerFactory.getLogger(GuardDeployer.class);

  private final GuardEnvironment environment;
  private final DeploymentEvents events;

  GuardDeployer(GuardEnvironment environment, DeploymentEvents events) {
    this.environment = environment;
    this.events = events;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Candidate candidate = new Candidate(deployment.getName(), deployment.getTenantId(), author(), resources(deployment));
    Verdict verdict = ProcedureGuard.check(candidate, environment);
    if (verdict.refused()) {
      log.info("Deployment '{}' for tenant {} by {} refused: {} reason(s)", candidate.name(), candidate.tenantId(),
          candidate.actor(), verdict.reasons().size());
      events.refused(candidate, verdict);
      throw new DeploymentRefusedException(verdict.reasons(), verdict.forbidden());
    }
    events.deployed(candidate, deployment.getId());
  }

  private static Candidate.Author author() {
    Authentication authentication = Context.getCommandContext().getAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    return new Candidate.Author(authentication.getUserId(), orEmpty(authentication.getGroupIds()),
        orEmpty(authentication.getTenantIds()));
  }

  private static Map<String, byte[]> resources(DeploymentEntity deployment) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    Map<String, ResourceEntity> entities = deployment.getResources();
    if (entities != null) {
      entities.forEach((name, resource) -> resources.put(name, resource.getBytes()));
    }
    return resources;
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
