package jp.madoguchi.procedure.guard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.StepInputCheck;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ListableBeanFactory;

/** The guard's questions answered by the Spring context and Camunda's identity service (built after the plugins run). */
final class EngineGuardEnvironment implements GuardEnvironment {

  private final ListableBeanFactory beans;
  private final Supplier<IdentityService> identity;
  private volatile Set<String> buildingBlocks;
  private volatile Map<String, List<String>> requiredInputs;

  EngineGuardEnvironment(ListableBeanFactory beans, Supplier<IdentityService> identity) {
    this.beans = beans;
    this.identity = identity;
  }

  @Override
  public Set<String> buildingBlocks() {
    Set<String> names = buildingBlocks;
    if (names == null) {
      names = Set.copyOf(List.of(beans.getBeanNamesForAnnotation(ProcedureBuildingBlock.class)));
      buildingBlocks = names;
    }
    return names;
  }

  @Override
  public Map<String, List<String>> requiredInputs() {
    Map<String, List<String>> inputs = requiredInputs;
    if (inputs == null) {
      Map<String, List<String>> found = new HashMap<>();
      for (String block : buildingBlocks()) {
        ProcedureBuildingBlock annotation = beans.findAnnotationOnBean(block, ProcedureBuildingBlock.class);
        if (annotation != null && annotation.requiredInputs().length > 0) {
          found.put(block, List.of(annotation.requiredInputs()));
        }
      }
      inputs = Map.copyOf(found);
      requiredInputs = inputs;
    }
    return inputs;
  }

  /** Asked only of a deployment, after the application has started (its own procedures deploy then too). */
  @Override
  public String[] inputProblem(String block, String input, String written) {
    return beans.getBean(block) instanceof StepInputCheck check ? check.problem(input, written) : null;
  }

  @Override
  public boolean isApplicationBean(String name) {
    return beans.containsBean(name);
  }

  @Override
  public boolean tenantExists(String tenantId) {
    return identity.get().createTenantQuery().tenantId(tenantId).count() > 0;
  }

  @Override
  public boolean isGroupOfTenant(String groupId, String tenantId) {
    return identity.get().createUserQuery().memberOfGroup(groupId).memberOfTenant(tenantId).count() > 0;
  }
}
