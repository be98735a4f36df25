package jp.madoguchi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.procedure.StepInputCheck;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** A designer's mistake in an "issue document" step names the step and what is missing. */
class IssueDocumentDelegateTests extends IntegrationTest {

  @Autowired @Qualifier("issueDocument") JavaDelegate issueDocument;

  @Test
  void shouldFailClearlyWithoutALayout() {
    DelegateExecution execution = step("Task_IssuePermit", null);

    assertThatThrownBy(() -> issueDocument.execute(execution))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Task_IssuePermit")
        .hasMessageContaining("documentLayout")
        .hasMessageContaining("receipt");
  }

  @Test
  void shouldFailClearlyWithAnUnknownLayout() {
    DelegateExecution execution = step("Task_IssuePermit", "permit");

    assertThatThrownBy(() -> issueDocument.execute(execution))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Task_IssuePermit")
        .hasMessageContaining("'permit'")
        .hasMessageContaining("approval-notice");
  }

  /** What the deploy guard asks of a layout written out in the model. */
  @Test
  void shouldTellTheGuardALayoutItDoesNotKnow() {
    StepInputCheck check = (StepInputCheck) issueDocument;
    assertThat(check.problem("documentLayout", "receipt")).isNull();
    assertThat(check.problem("documentLayout", "reciept")).isNotNull()
        .satisfies(problem -> assertThat(problem[1]).contains("'reciept'", "receipt", "approval-notice"));
    assertThat(check.problem("documentTitle", "何でも")).as("inputs it does not check").isNull();
  }

  private static DelegateExecution step(String activityId, String layout) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getCurrentActivityId()).thenReturn(activityId);
    when(execution.getVariableLocal("documentLayout")).thenReturn(layout);
    when(execution.getTenantId()).thenReturn(DEMO);
    return execution;
  }
}
