package jp.madoguchi.procedure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Properties and methods in expressions, restricted to what a procedure needs: values (text, numbers,
 * dates, lists, maps) with the methods {@link ValueMethods} allows, and the instance methods of
 * {@link ProcedureBuildingBlock} beans. No reflection ({@code getClass}, {@code class},
 * {@code forName} …), no static methods, nothing of the engine ({@code execution}, {@code task}) or of
 * any other object. Read only.
 */
final class GuardedBeanElResolver extends ELResolver {

  private static final Set<String> FORBIDDEN_NAMES = ProcedureExpressions.REFLECTIVE_NAMES;

  private final BeanELResolver beans = new BeanELResolver(true);

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null) {
      return null;
    }
    checkProperty(base, property);
    return beans.getValue(context, base, property);
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (base == null) {
      return null;
    }
    checkProperty(base, property);
    return beans.getType(context, base, property);
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (base != null) {
      checkProperty(base, property);
      beans.setValue(context, base, property, value);
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return true;
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base == null) {
      return null;
    }
    String name = String.valueOf(method);
    int arity = params == null ? 0 : params.length;
    if (FORBIDDEN_NAMES.contains(name)) {
      throw new ForbiddenExpressionException(name);
    }
    if (!allowedMethod(base, name, arity)) {
      throw new ForbiddenExpressionException(name + "(…) of " + ClassUtils.getUserClass(base).getName());
    }
    return beans.invoke(context, base, method, paramTypes, params);
  }

  @Override
  public java.util.Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base == null ? null : Object.class;
  }

  private static void checkProperty(Object base, Object property) {
    String name = String.valueOf(property);
    if (FORBIDDEN_NAMES.contains(name) || !isValue(base)) {
      throw new ForbiddenExpressionException(name + " of " + ClassUtils.getUserClass(base).getName());
    }
  }

  private static boolean allowedMethod(Object base, String name, int arity) {
    Class<?> type = ClassUtils.getUserClass(base);
    if (isValue(base) && !ValueMethods.allows(base, name)) {
      return false;
    }
    if (base instanceof Map<?, ?>) {
      return hasInstanceMethod(Map.class, name, arity);
    }
    if (base instanceof Collection<?>) {
      return hasInstanceMethod(List.class, name, arity) || hasInstanceMethod(Set.class, name, arity);
    }
    if (isValue(base) || AnnotatedElementUtils.hasAnnotation(type, ProcedureBuildingBlock.class)) {
      return hasInstanceMethod(type, name, arity);
    }
    return false;
  }

  /** A public, non-static method of that name and arity, not one of Object's. */
  private static boolean hasInstanceMethod(Class<?> type, String name, int arity) {
    boolean found = false;
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name) && (method.getParameterCount() == arity || method.isVarArgs())) {
        if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
          return false;
        }
        found = true;
      }
    }
    return found;
  }

  private static boolean isValue(Object base) {
    return base instanceof String || base instanceof Number || base instanceof Boolean || base instanceof Character
        || base instanceof Date || base instanceof TemporalAccessor || base instanceof TemporalAmount
        || base instanceof Map<?, ?> || base instanceof Collection<?>
        || base.getClass().getName().startsWith("org.joda.time.");
  }
}
