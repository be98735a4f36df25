package jp.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coverage check of {@link ProcessCoverage} fails a procedure whose tests leave paths out. */
class ProcessCoverageTests extends IntegrationTest {

  private static final String PROCESS = "bulky-waste-collection";

  @Autowired RuntimeService runtime;

  @Test
  void shouldFailAProcedureWhoseTestsReachOnlyPartOfIt() {
    ProcessCoverageRecorder.Recording recording = record(() ->
        TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(PROCESS, BulkyWasteApplications.valid())));

    assertThat(recording.coverage(PROCESS)).isBetween(0.1, 0.5);
    assertThat(recording.missed(PROCESS))
        .contains("Gateway_Decision", "Flow_Approved", "Event_CollectionScheduled", "Flow_ToDecision")
        .doesNotContain("StartEvent_ApplicationSubmitted", "Flow_ToRegister", "Task_RegisterApplication");
    assertThatThrownBy(() -> recording.assertCoveredAtLeast(PROCESS, 0.9))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(PROCESS)
        .hasMessageContaining("Gateway_Decision");
  }

  @Test
  void shouldFailAProcedureThatNoTestRan() {
    ProcessCoverageRecorder.Recording recording = record(() -> null);

    assertThatThrownBy(() -> recording.assertCoveredAtLeast(PROCESS, 0.9))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no instance ran");
  }

  private static ProcessCoverageRecorder.Recording record(java.util.concurrent.Callable<?> work) {
    ProcessCoverageRecorder.Recording recording = ProcessCoverageRecorder.INSTANCE.start("check", Set.of(PROCESS));
    try {
      recording.startRun("partial");
      work.call();
      recording.endRun();
      return recording;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      ProcessCoverageRecorder.INSTANCE.stop();
    }
  }
}
