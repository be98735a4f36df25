package jp.madoguchi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Measures which flow nodes and sequence flows of the named procedures the annotated test class
 * runs through, writes the report to {@code target/process-test-coverage/<class>/} and fails the
 * class when a procedure's coverage is below {@link #atLeast()}. Put it on a procedure's process
 * test class, next to {@code extends IntegrationTest}:
 *
 * <pre>{@code @ProcessCoverage("bulky-waste-collection")}</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ProcessCoverageExtension.class)
public @interface ProcessCoverage {

  /** Process ids (procedure keys) whose coverage is measured and checked. */
  String[] value();

  /** Smallest share of flow nodes and sequence flows the class must run through, per procedure. */
  double atLeast() default 0.9;
}
