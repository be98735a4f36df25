package jp.madoguchi.procedure;

import java.util.Map;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expressions see process variables, the {@link ProcedureBuildingBlock} beans and nothing
 * else of the application (Camunda's Spring default resolves every bean, {@code jdbcTemplate} included),
 * and reach properties and methods only through {@link GuardedBeanElResolver}. Applies to BPMN and to
 * DMN's JUEL alike, whatever a deployment contains.
 */
final class ProcedureExpressionManager extends JuelExpressionManager {

  ProcedureExpressionManager(Map<Object, Object> buildingBlocks) {
    super(buildingBlocks);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new ReadOnlyMapELResolver(beans));
    resolver.add(new ArrayELResolver(true));
    resolver.add(new ListELResolver(true));
    resolver.add(new MapELResolver(true));
    resolver.add(new GuardedBeanElResolver());
    return resolver;
  }
}
