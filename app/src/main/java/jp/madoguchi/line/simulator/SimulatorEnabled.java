package jp.madoguchi.line.simulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** The LINE simulator exists only on the embedded demo default, and only when no real LINE API is configured. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank() && '${madoguchi.line.api-base-url:}'.isBlank()")
@interface SimulatorEnabled {
}
