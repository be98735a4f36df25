package jp.madoguchi.line;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jp.madoguchi.line.LineInbox.InboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles stored webhook events in batches, woken right after LINE's acknowledgement and at least
 * every second (for retries, restarts and other nodes' leftovers). Within a batch the events of
 * different residents are handled in parallel (the work is mostly waiting for LINE), the events
 * of one resident in the order they happened.
 */
@Component
class LineEventDispatcher {

  private static final Logger log = LoggerFactory.getLogger(LineEventDispatcher.class);
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final int BATCH = 100;
  private static final int MAX_ATTEMPTS = 5;
  private static final int LANES = 8;

  private final LineInbox inbox;
  private final LineEventHandlers handlers;
  private final boolean enabled;
  private final Semaphore wakeUp = new Semaphore(0);
  private final ExecutorService lanes = Executors.newFixedThreadPool(LANES, runnable -> {
    Thread thread = new Thread(runnable, "line-event-lane");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean running;
  private Thread worker;

  LineEventDispatcher(LineInbox inbox, LineEventHandlers handlers, LineProperties properties) {
    this.inbox = inbox;
    this.handlers = handlers;
    this.enabled = properties.workersEnabled();
  }

  @PostConstruct
  void start() {
    if (!enabled) {
      return;
    }
    running = true;
    worker = new Thread(this::loop, "line-events");
    worker.setDaemon(true);
    worker.setPriority(Thread.MIN_PRIORITY);
    worker.start();
  }

  void afterAcknowledge(List<UUID> ids) {
    if (enabled && !ids.isEmpty() && wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  /** Handles every pending event that is due; returns how many were taken. */
  int processPending() {
    int total = 0;
    List<InboxEvent> batch;
    do {
      batch = inbox.claim(BATCH, LEASE);
      handle(batch);
      total += batch.size();
    } while (batch.size() == BATCH);
    return total;
  }

  private void loop() {
    while (running) {
      try {
        wakeUp.tryAcquire(1, TimeUnit.SECONDS);
        wakeUp.drainPermits();
        processPending();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("LINE event handling loop failed; continuing", e);
      }
    }
  }

  private void handle(List<InboxEvent> events) {
    Map<String, List<InboxEvent>> byResident = new LinkedHashMap<>();
    for (InboxEvent event : events) {
      byResident.computeIfAbsent(event.tenantId() + "/" + event.sourceKey(), key -> new ArrayList<>()).add(event);
    }
    List<UUID> done = Collections.synchronizedList(new ArrayList<>(events.size()));
    List<Future<?>> running = new ArrayList<>();
    for (List<InboxEvent> sameResident : byResident.values()) {
      running.add(lanes.submit(() -> sameResident.forEach(event -> handleOne(event, done))));
    }
    for (Future<?> lane : running) {
      try {
        lane.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        log.error("LINE event lane failed", e.getCause());
      }
    }
    inbox.done(done);
  }

  private void handleOne(InboxEvent event, List<UUID> done) {
    try {
      handlers.handle(event.tenantId(), event.json());
      done.add(event.id());
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

  @PreDestroy
  void stop() {
    running = false;
    lanes.shutdownNow();
    if (worker != null) {
      worker.interrupt();
    }
  }
}
