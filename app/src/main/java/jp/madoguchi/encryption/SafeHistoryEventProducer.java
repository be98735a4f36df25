package jp.madoguchi.encryption;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The engine's history, minus two copies of personal data it would keep in clear: a form submitted
 * through the form service (Tasklist) also records every text field as a "form property" in
 * {@code ACT_HI_DETAIL.TEXT_}, beside the (encrypted) variable update of the same value, so those
 * records are left out; and a failed job's message and stack trace have the instance's values
 * masked ({@link FailureRedaction}) before they go into {@code ACT_HI_JOB_LOG}.
 */
class SafeHistoryEventProducer extends CacheAwareHistoryEventProducer {

  private final FailureRedaction redaction;

  SafeHistoryEventProducer(FailureRedaction redaction) {
    this.redaction = redaction;
  }

  @Override
  public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId, String propertyValue,
      String taskId) {
    return null;
  }

  @Override
  public HistoryEvent createHistoricJobLogFailedEvt(Job job, Throwable exception) {
    return super.createHistoricJobLogFailedEvt(job, redaction.redact(job.getProcessInstanceId(), exception));
  }
}
