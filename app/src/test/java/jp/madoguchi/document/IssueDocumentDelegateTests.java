package jp.madoguchi.document;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jp.madoguchi.IntegrationTest;
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
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Task_IssuePermit")
        .hasMessageContaining("documentLayout")
        .hasMessageContaining("receipt");
  }

  @Test
  void shouldFailClearlyWithAnUnknownLayout() {
    DelegateExecution execution = step("Task_IssuePermit", "permit");

    assertThatThrownBy(() -> issueDocument.execute(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Task_IssuePermit")
        .hasMessageContaining("'permit'")
        .hasMessageContaining("approval-notice");
  }

  private static DelegateExecution step(String activityId, String layout) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getCurrentActivityId()).thenReturn(activityId);
    when(execution.getVariableLocal("documentLayout")).thenReturn(layout);
    when(execution.getTenantId()).thenReturn(DEMO);
    return execution;
  }
}
