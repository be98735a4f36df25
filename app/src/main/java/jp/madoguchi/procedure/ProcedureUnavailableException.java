package jp.madoguchi.procedure;

/**
 * A procedure whose deployment cannot be used (no apply form, a form that is not valid, a form its
 * BPMN names but the deployment lacks). The message says what is wrong, for the log and operators;
 * residents are told in Japanese that the procedure cannot be used now.
 */
public class ProcedureUnavailableException extends RuntimeException {

  public ProcedureUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
