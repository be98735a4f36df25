package jp.madoguchi.encryption;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * A failed job keeps its exception's message and stack trace ({@code ACT_RU_JOB},
 * {@code ACT_RU_INCIDENT}, byte arrays): they are stored masked ({@link FailureRedaction}).
 */
final class RedactedFailedJobs implements FailedJobCommandFactory {

  private final FailedJobCommandFactory engine;
  private final FailureRedaction redaction;

  RedactedFailedJobs(FailedJobCommandFactory engine, FailureRedaction redaction) {
    this.engine = engine;
    this.redaction = redaction;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return commandContext -> {
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      Throwable masked = redaction.redact(job == null ? null : job.getProcessInstanceId(), exception);
      return engine.getCommand(jobId, masked).execute(commandContext);
    };
  }
}
