package jp.madoguchi.procedure;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/** Input that a form (a resident's application or a clerk's decision) cannot accept; nothing of it is stored. */
public class InvalidFormException extends BadUserRequestException {

  private final List<FormViolation> violations;

  public InvalidFormException(String message, List<FormViolation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  public static InvalidFormException of(List<FormViolation> violations) {
    StringBuilder message = new StringBuilder("入力内容に不備があります (the input has errors): ");
    for (int i = 0; i < violations.size(); i++) {
      message.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    return new InvalidFormException(message.toString(), violations);
  }

  public List<FormViolation> getViolations() {
    return violations;
  }
}
