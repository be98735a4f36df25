package jp.madoguchi.line.simulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jp.madoguchi.embedded.ConditionalOnEmbeddedDefault;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The LINE simulator exists only on the embedded demo default, and only when no real LINE API is configured. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnEmbeddedDefault
@Conditional(SimulatorEnabled.NoLineApiConfigured.class)
@interface SimulatorEnabled {

  final class NoLineApiConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return context.getEnvironment().getProperty("madoguchi.line.api-base-url", "").isBlank();
    }
  }
}
