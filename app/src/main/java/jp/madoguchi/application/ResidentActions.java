package jp.madoguchi.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.springframework.stereotype.Component;

/**
 * What the process offers the resident now, read from its open message subscriptions: {@code correct}
 * while it waits for {@value #CORRECTION} (a 差戻し), {@code withdraw} while it accepts
 * {@value #WITHDRAWAL}.
 */
@Component
class ResidentActions {

  static final String CORRECTION = "CorrectionSubmitted";
  static final String WITHDRAWAL = "WithdrawalRequested";
  static final String CORRECT = "correct";
  static final String WITHDRAW = "withdraw";

  private final RuntimeService runtime;

  ResidentActions(RuntimeService runtime) {
    this.runtime = runtime;
  }

  List<String> of(ApplicationRecord application) {
    Set<String> messages = runtime.createEventSubscriptionQuery().processInstanceId(application.processInstanceId())
        .eventType("message").list().stream().map(EventSubscription::getEventName).collect(Collectors.toSet());
    List<String> actions = new ArrayList<>();
    if (messages.contains(CORRECTION)) {
      actions.add(CORRECT);
    }
    if (messages.contains(WITHDRAWAL)) {
      actions.add(WITHDRAW);
    }
    return actions;
  }

  /** The clerk's comment the resident answers with a correction, while one is asked for. */
  String returnComment(ApplicationRecord application, List<String> actions) {
    return actions.contains(CORRECT) ? (String) runtime.getVariable(application.processInstanceId(), "returnComment")
        : null;
  }

  void require(ApplicationRecord application, String action, String refusal) {
    if (!of(application).contains(action)) {
      throw new ActionNotAllowedException(refusal);
    }
  }
}
