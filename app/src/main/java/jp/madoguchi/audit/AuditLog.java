package jp.madoguchi.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jp.madoguchi.audit.AuditEntry.Category;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The tenants' audit logs, written in the background: a request only puts its entry into a
 * bounded queue (microseconds); one writer thread takes what has gathered and appends it per
 * tenant in one transaction. On shutdown the queue is written out before the database closes.
 * A crash (kill -9, power loss) loses what was queued and not yet written, normally well under a
 * second's worth; if the queue stays full (database down) for {@code enqueue-timeout}, an entry is
 * dropped and counted, and the next write records how many were lost ({@code audit.entries-lost}); so
 * is an entry the database refuses to store, after the others of its batch were written one by one.
 */
@Component
class AuditLog implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final BlockingQueue<AuditEntry> queue;
  private final AuditEntryResolver resolver;
  private final AuditChainStore store;
  private final AuditProperties properties;
  private final Clock clock;
  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private volatile boolean running;
  private Thread writer;

  AuditLog(AuditEntryResolver resolver, AuditChainStore store, AuditProperties properties, Clock clock) {
    this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
    this.resolver = resolver;
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  void append(AuditEntry entry) {
    try {
      if (queue.offer(entry) || queue.offer(entry, properties.enqueueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        enqueued.incrementAndGet();
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (lost.incrementAndGet() % 1000 == 1) {
      log.error("Audit log queue full: {} entries lost so far", lost.get());
    }
  }

  /** Waits until everything appended before this call is written (tests, shutdown). */
  void flush(Duration timeout) {
    long target = enqueued.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (written.get() < target && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void writeLoop() {
    List<AuditEntry> batch = new ArrayList<>(properties.batchSize());
    while (running || !queue.isEmpty()) {
      try {
        AuditEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, properties.batchSize() - 1);
        write(batch);
        written.addAndGet(batch.size());
        batch.clear();
      } catch (RuntimeException e) {
        log.error("Audit entries could not be written: {} lost", batch.size(), e);
        written.addAndGet(batch.size());
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private void write(List<AuditEntry> batch) throws InterruptedException {
    long lostNow = lost.getAndSet(0);
    List<AuditEntry> entries = new ArrayList<>(batch);
    if (lostNow > 0) {
      entries.add(new AuditEntry("", clock.instant(), Category.OPERATION, "audit.entries-lost", "system", null, null,
          null, null, null, null, false, null, "{\"count\":\"" + lostNow + "\"}", null, null));
    }
    Map<String, List<AuditEntry>> byTenant = new LinkedHashMap<>();
    for (AuditEntry entry : resolveWithRetry(entries)) {
      byTenant.computeIfAbsent(entry.tenantId(), tenant -> new ArrayList<>()).add(entry);
    }
    for (var tenant : byTenant.entrySet()) {
      try {
        appendWithRetry(tenant.getKey(), tenant.getValue());
      } catch (DataIntegrityViolationException unstorable) {
        // trying the same batch again would fail for ever and hold back every entry after it
        for (AuditEntry entry : tenant.getValue()) {
          appendAlone(tenant.getKey(), entry);
        }
      }
    }
  }

  private void appendAlone(String tenantId, AuditEntry entry) throws InterruptedException {
    try {
      appendWithRetry(tenantId, List.of(entry));
    } catch (DataIntegrityViolationException unstorable) {
      lost.incrementAndGet();
      // the database's message may quote the value: only the entry's kind and the SQL state are logged
      log.error("Audit entry of tenant '{}' (kind {}) cannot be stored (SQL state {}): counted as lost", tenantId,
          entry.kind(), unstorable.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : "unknown");
    }
  }

  /** Tries again while the database cannot take the entries (down, restarting); a value it refuses is thrown. */
  private void appendWithRetry(String tenantId, List<AuditEntry> entries) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        store.append(tenantId, entries);
        return;
      } catch (DataIntegrityViolationException unstorable) {
        throw unstorable;
      } catch (RuntimeException e) {
        if (!running && attempt >= 5) {
          log.error("Audit entries of tenant '{}' could not be written at shutdown: {} lost", tenantId,
              entries.size(), e);
          return;
        }
        log.warn("Audit entries of tenant '{}' not written yet (attempt {}), trying again", tenantId, attempt, e);
        Thread.sleep(RETRY_PAUSE.toMillis());
      }
    }
  }

  private List<AuditEntry> resolveWithRetry(List<AuditEntry> entries) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return resolver.resolve(entries);
      } catch (RuntimeException e) {
        if (!running && attempt >= 5) {
          throw new IllegalStateException("Audit entries cannot be completed", e);
        }
        log.warn("Audit entries not completed yet (attempt {}), trying again", attempt, e);
        Thread.sleep(RETRY_PAUSE.toMillis());
      }
    }
  }

  @Override
  public void start() {
    running = true;
    writer = new Thread(this::writeLoop, "audit-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void stop() {
    running = false;
    try {
      writer.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the web server (which stops first, so that requests still being answered are logged). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }
}
