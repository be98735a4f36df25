package jp.madoguchi.line;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lease of the webhook events this node is handling: renewed every third of the lease
 * while the work goes on, so a long batch is never taken by another node, and a node that dies
 * lets its events go within one lease.
 */
final class InboxLeases implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InboxLeases.class);

  private final LineInbox inbox;
  private final Duration lease;
  private final Set<UUID> inHand = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "line-event-lease");
    thread.setDaemon(true);
    return thread;
  });

  InboxLeases(LineInbox inbox, Duration lease) {
    this.inbox = inbox;
    this.lease = lease;
    long every = Math.max(1, lease.toSeconds() / 3);
    renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.SECONDS);
  }

  void hold(UUID id) {
    inHand.add(id);
  }

  /** The event is done, or its retry time is its lock now. */
  void release(UUID id) {
    inHand.remove(id);
  }

  private void renew() {
    try {
      inbox.extendLease(List.copyOf(inHand), lease);
    } catch (RuntimeException e) {
      log.warn("Renewing the lease of LINE events in hand failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    renewer.shutdownNow();
  }
}
