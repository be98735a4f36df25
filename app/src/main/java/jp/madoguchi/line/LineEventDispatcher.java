package jp.madoguchi.line;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jp.madoguchi.line.LineInbox.InboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Handles stored webhook events: right after LINE's acknowledgement on a small worker pool, and
 * by a poller that picks up what was left (a full pool, a restart, a failed try).
 */
@Component
class LineEventDispatcher {

  private static final Logger log = LoggerFactory.getLogger(LineEventDispatcher.class);
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final int MAX_ATTEMPTS = 5;

  private final LineInbox inbox;
  private final LineEventHandlers handlers;
  private final boolean enabled;
  private final ThreadPoolExecutor workers = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(10_000), runnable -> {
        Thread thread = new Thread(runnable, "line-events");
        thread.setDaemon(true);
        return thread;
      });

  LineEventDispatcher(LineInbox inbox, LineEventHandlers handlers, LineProperties properties) {
    this.inbox = inbox;
    this.handlers = handlers;
    this.enabled = properties.workersEnabled();
  }

  void afterAcknowledge(List<UUID> ids) {
    if (!enabled || ids.isEmpty()) {
      return;
    }
    try {
      workers.execute(() -> handle(inbox.claim(ids, ids.size(), LEASE)));
    } catch (RejectedExecutionException busy) {
      // stored: the poller handles it
    }
  }

  @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT5S")
  void poll() {
    if (enabled) {
      processPending();
    }
  }

  /** Handles every pending event that is due; returns how many were taken. */
  int processPending() {
    int total = 0;
    List<InboxEvent> batch;
    do {
      batch = inbox.claim(null, 50, LEASE);
      handle(batch);
      total += batch.size();
    } while (batch.size() == 50);
    return total;
  }

  private void handle(List<InboxEvent> events) {
    for (InboxEvent event : events) {
      try {
        handlers.handle(event.tenantId(), event.json());
        inbox.done(event.id());
      } catch (Exception e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (event.attempts() >= MAX_ATTEMPTS) {
          log.error("LINE event {} of tenant {} failed {} times; given up", event.id(), event.tenantId(), event.attempts(), e);
          inbox.failed(event.id(), error);
        } else {
          log.warn("LINE event {} of tenant {} failed; retrying: {}", event.id(), event.tenantId(), error);
          inbox.retryLater(event.id(), Duration.ofSeconds(5L << event.attempts()), error);
        }
      }
    }
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }
}
