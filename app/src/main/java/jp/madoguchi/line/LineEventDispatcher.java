package jp.madoguchi.line;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import jp.madoguchi.database.DatabaseAvailability;
import jp.madoguchi.line.LineInbox.InboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles stored webhook events in batches, woken right after LINE's acknowledgement and at least
 * every second (for retries, restarts and other nodes' leftovers). Within a batch the events of
 * different residents are handled in parallel (the work is mostly waiting for LINE), the events
 * of one resident in the order they happened. Events being handled are leased for
 * {@link #LEASE}, renewed every few seconds while the work goes on, so the events of a node that
 * dies are taken up by another (or the restarted) node within that time. A failed answer is tried
 * again while the retry budget lasts, no sooner than the tenant's channel takes calls again; one
 * that LINE refused for good is given up at once.
 */
@Component
class LineEventDispatcher {

  private static final Logger log = LoggerFactory.getLogger(LineEventDispatcher.class);
  static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(1);
  private static final int LANES = 8;
  /**
   * Two events a lane: a batch's replies go out together and the next batch waits for the last of
   * them, so a large batch is a burst of CPU that webhook acknowledgements queue behind (100 a batch
   * gave them a p99 of 48-66 ms at 500 events/s in LineBenchmark, 16 a batch 20-38 ms), and one slow
   * answer from LINE holds back fewer events.
   */
  private static final int BATCH = 2 * LANES;

  private final LineInbox inbox;
  private final LineEventHandlers handlers;
  private final LineAvailability availability;
  private final LineProperties properties;
  private final DatabaseAvailability database;
  private final Clock clock;
  private final Semaphore wakeUp = new Semaphore(0);
  private final ExecutorService lanes = Executors.newFixedThreadPool(LANES, runnable -> {
    Thread thread = new Thread(runnable, "line-event-lane");
    thread.setDaemon(true);
    return thread;
  });
  private final InboxLeases leases;
  private volatile boolean running;
  private Thread worker;

  LineEventDispatcher(LineInbox inbox, LineEventHandlers handlers, LineAvailability availability,
      LineProperties properties, DatabaseAvailability database, Clock clock) {
    this.inbox = inbox;
    this.leases = new InboxLeases(inbox, LEASE);
    this.handlers = handlers;
    this.availability = availability;
    this.properties = properties;
    this.database = database;
    this.clock = clock;
  }

  @PostConstruct
  void start() {
    if (!properties.workersEnabled()) {
      return;
    }
    running = true;
    worker = new Thread(this::loop, "line-events");
    worker.setDaemon(true);
    worker.setPriority(Thread.MIN_PRIORITY);
    worker.start();
  }

  void afterAcknowledge(List<UUID> ids) {
    if (running && !ids.isEmpty() && wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  /** Handles every pending event that is due; returns how many were taken. */
  int processPending() {
    int total = 0;
    List<InboxEvent> batch;
    do {
      batch = inbox.claim(BATCH, LEASE, availability.paused());
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
        if (database.available()) {
          processPending();
        }
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
      leases.hold(event.id());
      byResident.computeIfAbsent(event.tenantId() + "/" + event.sourceKey(), key -> new ArrayList<>()).add(event);
    }
    List<UUID> done = Collections.synchronizedList(new ArrayList<>(events.size()));
    List<Future<?>> lanesRunning = new ArrayList<>();
    for (List<InboxEvent> sameResident : byResident.values()) {
      lanesRunning.add(lanes.submit(() -> sameResident.forEach(event -> handleOne(event, done))));
    }
    try {
      for (Future<?> lane : lanesRunning) {
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
    } finally {
      events.forEach(event -> leases.release(event.id()));
    }
  }

  private void handleOne(InboxEvent event, List<UUID> done) {
    try {
      handlers.handle(event.tenantId(), event.json(), event.pushAllowed());
      done.add(event.id()); // stays leased until the batch is marked done
      availability.succeeded(event.tenantId());
    } catch (AnswerFailedException e) {
      if (e.permanent()) {
        giveUp(event, e.getMessage());
        return;
      }
      Instant next = e.lineUnavailable() ? availability.failed(event.tenantId(), e.retryAfter())
          : clock.instant().plus(backoff(event.attempts()));
      retryOrGiveUp(event, next, e.getMessage(), event.pushAllowed() && e.certainlyNotSent());
    } catch (RuntimeException e) {
      retryOrGiveUp(event, clock.instant().plus(backoff(event.attempts())), e.toString(), false);
    }
  }

  private void retryOrGiveUp(InboxEvent event, Instant next, String error, boolean noReplySent) {
    if (next.isAfter(event.receivedAt().plus(properties.retryBudget()))) {
      giveUp(event, error + " (still failing after " + event.attempts() + " tries, retry budget "
          + properties.retryBudget() + " used up)");
      return;
    }
    leases.release(event.id()); // its retry time is its lock now
    log.warn("LINE event {} of tenant {} failed; trying again at {}: {}", event.id(), event.tenantId(), next, error);
    inbox.retryLater(event.id(), next, error, noReplySent);
  }

  private void giveUp(InboxEvent event, String error) {
    leases.release(event.id());
    log.error("LINE event {} of tenant {} could not be answered; given up: {}", event.id(), event.tenantId(), error);
    inbox.failed(event.id(), error);
  }

  /** 5 s, 10 s, 20 s … up to a minute, for failures that are not LINE's. */
  static Duration backoff(int attempts) {
    Duration delay = Duration.ofSeconds(5L << Math.min(Math.max(attempts - 1, 0), 10));
    return delay.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : delay;
  }

  @PreDestroy
  void stop() {
    running = false;
    leases.close();
    lanes.shutdownNow();
    if (worker != null) {
      worker.interrupt();
    }
  }
}
