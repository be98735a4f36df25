package jp.madoguchi.procedure;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The deploy guard refused a deployment; nothing of it was stored. {@link #isForbidden()} when the
 * caller may not deploy for the tenant at all (403), otherwise the designer can fix the files (400).
 */
public class DeploymentRefusedException extends BadUserRequestException {

  private final List<RefusalReason> reasons;
  private final boolean forbidden;

  public DeploymentRefusedException(List<RefusalReason> reasons, boolean forbidden) {
    super(message(reasons));
    this.reasons = List.copyOf(reasons);
    this.forbidden = forbidden;
  }

  public List<RefusalReason> getReasons() {
    return reasons;
  }

  public boolean isForbidden() {
    return forbidden;
  }

  private static String message(List<RefusalReason> reasons) {
    StringBuilder message = new StringBuilder("デプロイできません (deployment refused): ");
    for (int i = 0; i < reasons.size(); i++) {
      message.append(i == 0 ? "" : "; ").append(reasons.get(i));
    }
    return message.toString();
  }
}
