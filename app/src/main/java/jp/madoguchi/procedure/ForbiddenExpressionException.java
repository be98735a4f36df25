package jp.madoguchi.procedure;

import org.camunda.bpm.engine.ProcessEngineException;

/** An expression reached for something procedures may not use (a bean that is no building block, reflection). */
public class ForbiddenExpressionException extends ProcessEngineException {

  ForbiddenExpressionException(String what) {
    super("式で使えないものです (not allowed in a procedure expression): " + what);
  }
}
