package jp.madoguchi.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Without the engine's history cleanup job nothing past its retention is removed, for any
 * municipality. Once a day, outside its nightly window, the job is made again, activated, given its
 * retries and rescheduled into the window, as the engine does at every start, should anything have
 * deleted, suspended or postponed it (staff cannot through the REST APIs: {@code access.StaffLimits}).
 */
@Component
class HistoryCleanupUpkeep {

  private static final Logger log = LoggerFactory.getLogger(HistoryCleanupUpkeep.class);
  private static final Duration NEXT_WINDOW = Duration.ofDays(2);

  private final HistoryService history;

  HistoryCleanupUpkeep(HistoryService history) {
    this.history = history;
  }

  @Scheduled(cron = "0 0 12 * * *", zone = "Asia/Tokyo")
  void scheduled() {
    try {
      ensureScheduled();
    } catch (OptimisticLockingException anotherNode) {
      log.debug("Another node rescheduled the history cleanup at the same time");
    }
  }

  void ensureScheduled() {
    List<Job> jobs = history.findHistoryCleanupJobs();
    Instant latest = Instant.now().plus(NEXT_WINDOW);
    if (jobs.isEmpty() || jobs.stream().anyMatch(job -> job.isSuspended() || job.getRetries() == 0
        || job.getDuedate() == null || job.getDuedate().toInstant().isAfter(latest))) {
      log.warn("The history cleanup job was missing, suspended, out of retries or postponed; scheduled again");
    }
    history.cleanUpHistoryAsync(false);
  }
}
