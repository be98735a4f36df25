package jp.madoguchi.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import jp.madoguchi.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily upkeep brings the history cleanup job back however it was put out of action. */
class HistoryCleanupUpkeepTests extends IntegrationTest {

  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired HistoryCleanupUpkeep upkeep;

  @Test
  void shouldRescheduleASuspendedPostponedJobWithoutRetries() {
    Job job = history.findHistoryCleanupJobs().get(0);
    management.setJobDuedate(job.getId(), Date.from(Instant.parse("2099-01-01T00:00:00Z")));
    management.setJobRetries(job.getId(), 0);
    management.suspendJobById(job.getId());

    upkeep.ensureScheduled();

    assertScheduled(history.findHistoryCleanupJobs());
  }

  @Test
  void shouldMakeADeletedJobAgain() {
    history.findHistoryCleanupJobs().forEach(job -> management.deleteJob(job.getId()));

    upkeep.ensureScheduled();

    assertScheduled(history.findHistoryCleanupJobs());
  }

  private static void assertScheduled(List<Job> jobs) {
    assertThat(jobs).isNotEmpty().allSatisfy(job -> {
      assertThat(job.isSuspended()).isFalse();
      assertThat(job.getRetries()).isPositive();
      assertThat(job.getDuedate()).isBefore(Date.from(Instant.now().plus(Duration.ofDays(2))));
    });
  }
}
