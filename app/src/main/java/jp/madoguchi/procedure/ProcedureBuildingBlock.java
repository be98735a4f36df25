package jp.madoguchi.procedure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * A Spring bean that BPMN expressions may use by its name, e.g. {@code ${notifyResident}} or
 * {@code ${jst.daysLater(5, 17)}}. The engine resolves no other bean: a new building block opts in
 * with this annotation instead of {@code @Component}, and the deploy guard refuses any other bean
 * name in an expression.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ProcedureBuildingBlock {

  /** The name expressions use. */
  @AliasFor(annotation = Component.class)
  String value();

  /**
   * The input parameters the step needs, without which it fails when it runs: the deploy guard requires
   * them on every step that uses the block, and its element template marks them {@code notEmpty}.
   */
  String[] requiredInputs() default {};
}
