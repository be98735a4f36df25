package jp.madoguchi.procedure.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.procedure.DeploymentRefusedException;
import jp.madoguchi.procedure.RefusalReason;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The guard sits in the engine: the application's own deployments (like the shared procedures at
 * start) pass it too, and every deployment tells the operation log whether it was stored or refused.
 * Behind it, the engine's own parser refuses what must never run even if a rule of the guard missed it.
 */
@RecordApplicationEvents
class DeployGuardEngineTests extends IntegrationTest {

  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired ApplicationEvents events;
  @Autowired ProcessEngine engine;

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  @Test
  void shouldRefuseABadProcedureDeployedByTheApplicationItself() throws Exception {
    DeploymentBuilder builder = builder("guard-app-refused", null, bpmn -> bpmn.replace("${registerApplication}",
        "${jdbcTemplate.queryForList('SELECT * FROM application')}"));

    assertThatThrownBy(builder::deploy).isInstanceOfSatisfying(DeploymentRefusedException.class, refused -> {
      assertThat(refused.isForbidden()).isFalse();
      assertThat(refused.getReasons()).extracting(RefusalReason::en)
          .anyMatch(reason -> reason.startsWith("'jdbcTemplate' is not a procedure building block"));
    });
    assertThat(repository.createDeploymentQuery().deploymentName("guard-app-refused").count()).isZero();
    assertThat(kinds("guard-app-refused")).containsExactly(DeploymentEvents.REFUSED);
    OperationEvent refused = event("guard-app-refused");
    assertThat(refused.actor()).isEqualTo("system");
    assertThat(refused.details().get("reasons")).contains("'jdbcTemplate' is not a procedure building block");
  }

  @Test
  void shouldTellTheOperationLogAboutADeployment() throws Exception {
    Deployment deployment = builder("guard-app-deployed", DEMO, UnaryOperator.identity()).deploy();

    OperationEvent deployed = events.stream(OperationEvent.class)
        .filter(event -> deployment.getId().equals(event.target())).findFirst().orElseThrow();
    assertThat(deployed.kind()).isEqualTo("procedure.deployed");
    assertThat(deployed.tenantId()).isEqualTo(DEMO);
    assertThat(deployed.actor()).isEqualTo("system");
    assertThat(deployed.details()).containsEntry("name", "guard-app-deployed");
  }

  @Test
  void shouldLogARefusalForAnotherTenantInTheAuthorsOwnTenant() throws Exception {
    identity.setAuthentication("demo-admin", List.of("tenant-admin"), List.of(DEMO));

    assertThatThrownBy(builder("guard-app-other-tenant", KITA, UnaryOperator.identity())::deploy)
        .isInstanceOfSatisfying(DeploymentRefusedException.class, refused -> assertThat(refused.isForbidden()).isTrue());
    OperationEvent refused = event("guard-app-other-tenant");
    assertThat(refused.kind()).isEqualTo("procedure.deploy-refused");
    assertThat(refused.tenantId()).isEqualTo(DEMO);
    assertThat(refused.actor()).isEqualTo("demo-admin");
    assertThat(refused.details()).containsEntry("requestedTenant", KITA);
  }

  @Test
  void shouldRefuseAShellTaskInTheEngineEvenWhereTheGuardWouldMissIt() throws Exception {
    DeploymentBuilder builder = builder("guard-engine-shell", DEMO, DeployGuardRestTests::withShellTask);
    DeploymentCache cache = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache();
    List<Deployer> deployers = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeployers();
    cache.setDeployers(deployers.stream().filter(deployer -> !(deployer instanceof GuardDeployer)).toList());
    try {
      assertThatThrownBy(builder::deploy).isInstanceOf(ParseException.class)
          .hasMessageContaining("camunda:type");
    } finally {
      cache.setDeployers(deployers);
    }
    assertThat(repository.createDeploymentQuery().deploymentName("guard-engine-shell").count()).isZero();
  }

  private DeploymentBuilder builder(String name, String tenant, UnaryOperator<String> changeBpmn) throws Exception {
    DeploymentBuilder builder = repository.createDeployment().name(name).tenantId(tenant);
    for (Map.Entry<String, byte[]> file : DeployGuardRestTests.exampleFiles(changeBpmn).entrySet()) {
      builder.addInputStream(file.getKey(), new ByteArrayInputStream(file.getValue()));
    }
    return builder;
  }

  private List<String> kinds(String name) {
    return events.stream(OperationEvent.class).filter(event -> name.equals(event.target())).map(OperationEvent::kind).toList();
  }

  private OperationEvent event(String name) {
    return events.stream(OperationEvent.class).filter(event -> name.equals(event.target())).findFirst().orElseThrow();
  }
}
