package jp.madoguchi.access;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Runs in the transaction of every new deployment (the app's own at start, REST, Modeler), after the
 * engine parsed it: refuses a key another owner has ({@link ProcedureKeyOwnership}) and a procedure
 * whose candidate groups are expressions without the {@code departments} property, then derives the
 * departments' grants ({@link DepartmentAuthorizations}). A refusal rolls the deployment back (400).
 *
 * <p>What follows in Camunda's deploy command, registering the deployment with the job executor, asks
 * for SYSTEM SET, a permission that also lets its holder rewrite the engine's properties; tenant admins
 * (who deploy their tenant's procedures from Modeler) must not have it. So once a user's deployment has
 * passed the checks here, after DEPLOYMENT CREATE and the tenant membership were checked by the engine,
 * the rest of that one command runs without authorization check.
 */
final class DepartmentDeployer implements Deployer {

  private final Supplier<DepartmentAuthorizations> grants;

  DepartmentDeployer(Supplier<DepartmentAuthorizations> grants) {
    this.grants = grants;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    List<ProcessDefinitionEntity> definitions = deployment.getDeployedArtifacts(ProcessDefinitionEntity.class);
    if (definitions == null) {
      definitions = List.of();
    }
    CommandContext command = Context.getCommandContext();
    var authentication = command.getAuthentication();
    String deployedBy = authentication == null ? null : authentication.getUserId();
    // the deploying user may not read other tenants' versions of a key; the rule has to
    command.disableAuthorizationCheck();
    command.disableTenantCheck();
    boolean passed = false;
    try {
      DepartmentAuthorizations departmentGrants = grants.get();
      List<Runnable> apply = new ArrayList<>();
      for (ProcessDefinitionEntity definition : definitions) {
        String key = definition.getKey();
        List<ProcessDefinition> existing = command.getProcessEngineConfiguration().getRepositoryService()
            .createProcessDefinitionQuery().processDefinitionKey(key).list();
        ProcedureKeyOwnership.check(key, deployment.getTenantId(), deployedBy, existing);
        BpmnModelInstance model = model(deployment, definition);
        if (ProcedureDepartments.hasExpressionGroups(model, key) && !ProcedureDepartments.declaresDepartments(model, key)) {
          throw new BadUserRequestException(("手続「%s」は担当グループを式で決めています。プロセスのプロパティ departments に担当課を"
              + "カンマ区切りで書いてください (procedure '%s' chooses its candidate groups by an expression: list its "
              + "departments in the process property 'departments')").formatted(key, key));
        }
        Set<String> departments = departmentGrants.departmentsOf(key, ProcedureDepartments.of(model, key));
        apply.add(() -> departmentGrants.apply(key, departments));
      }
      apply.forEach(Runnable::run);
      passed = true;
    } finally {
      command.enableTenantCheck();
      if (!passed || deployedBy == null) {
        command.enableAuthorizationCheck();
      }
    }
  }

  private static BpmnModelInstance model(DeploymentEntity deployment, ProcessDefinitionEntity definition) {
    ResourceEntity resource = deployment.getResource(definition.getResourceName());
    return Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
  }
}
