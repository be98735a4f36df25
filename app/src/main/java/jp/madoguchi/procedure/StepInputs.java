package jp.madoguchi.procedure;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The input parameters a designer sets on a building block's step in Modeler (its element template).
 * They are local variables of the step; a missing required one is a modelling error and stops the
 * step with a message that names it ({@link #modellingError}).
 */
public final class StepInputs {

  private StepInputs() {
  }

  /** The parameter's text, or {@code fallback} when it is not set or blank. */
  public static String text(DelegateExecution execution, String name, String fallback) {
    Object value = execution.getVariableLocal(name);
    return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
  }

  public static String required(DelegateExecution execution, String name) {
    String value = text(execution, name, null);
    if (value == null) {
      throw modellingError("Step " + execution.getCurrentActivityId() + " needs the input parameter '" + name + "'");
    }
    return value;
  }

  /** A comma-separated parameter such as {@code Task_A,Task_B}, without blanks. */
  public static List<String> list(DelegateExecution execution, String name) {
    return Arrays.stream(required(execution, name).split(",")).map(String::strip).filter(item -> !item.isEmpty())
        .toList();
  }

  /**
   * A step's settings that will not do, found only when it runs (a value an expression gave). A plain
   * {@link ProcessEngineException}, as the engine's own modelling errors: a resident is told that the
   * procedure cannot be used now (503), not that the server failed, and the engine masks any value the
   * message quotes before it is logged or answered, as it does for an untyped failure.
   */
  public static ProcessEngineException modellingError(String message) {
    return new ProcessEngineException(message);
  }
}
