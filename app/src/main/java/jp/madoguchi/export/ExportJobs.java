package jp.madoguchi.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.database.NamedLocks;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.tenant.TenantKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs exports off the request thread, one at a time per node, their state in {@code tenant_export}:
 * a node beats for the exports it runs; one whose beat stopped (restart, crash) is marked failed
 * by whichever node looks next. A finished ZIP is kept sealed in the export folder until it expires.
 */
@Component
public class ExportJobs implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

  private final ExportStore store;
  private final ExportWriter writer;
  private final TenantKeys keys;
  private final ExportProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final NamedLocks namedLocks;
  private final TransactionTemplate transactions;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "tenant-export");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<UUID> runningHere = ConcurrentHashMap.newKeySet();

  ExportJobs(ExportStore store, ExportWriter writer, TenantKeys keys, ExportProperties properties,
      ApplicationEventPublisher events, Clock clock, NamedLocks namedLocks, PlatformTransactionManager transactions) {
    this.store = store;
    this.writer = writer;
    this.keys = keys;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    this.namedLocks = namedLocks;
    this.transactions = new TransactionTemplate(transactions);
  }

  Export start(String tenantId, String actor, boolean includeSensitive) {
    beat();
    UUID id = UUID.randomUUID();
    boolean queued = Boolean.TRUE.equals(transactions.execute(status -> {
      // two requests at once (a double click, two admins): the second sees the first's export
      namedLocks.lock("madoguchi.export", tenantId);
      if (store.ofTenant(tenantId).stream().anyMatch(export -> "RUNNING".equals(export.status()))) {
        return false;
      }
      store.insert(id, tenantId, actor, includeSensitive, clock.instant());
      return true;
    }));
    if (!queued) {
      throw new StaffRequestException(409, "この自治体のエクスポートは実行中です。終わってからもう一度お試しください "
          + "(an export of this municipality is already running)");
    }
    events.publishEvent(new OperationEvent(tenantId, actor, "export.started", id.toString(),
        Map.of("includeSensitive", String.valueOf(includeSensitive))));
    runningHere.add(id);
    executor.submit(() -> run(tenantId, id));
    return store.find(tenantId, id).orElseThrow();
  }

  private void run(String tenantId, UUID id) {
    Path part = properties.directory().resolve(id + ".zip.part");
    try {
      Export export = store.find(tenantId, id).orElseThrow();
      Files.createDirectories(properties.directory());
      String manifestSha256;
      long size;
      try (OutputStream file = Files.newOutputStream(part);
          OutputStream sealed = SealedFile.writer(keys, tenantId, id.toString(), file);
          CountingStream counted = new CountingStream(sealed)) {
        manifestSha256 = writer.write(export, counted, new StoredProgress(id));
        size = counted.count;
      }
      Files.move(part, file(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Instant now = clock.instant();
      store.ready(id, size, manifestSha256, now, now.plus(properties.keep()));
      log.info("Export {} of tenant {} is ready ({} bytes)", id, tenantId, size);
    } catch (Exception | OutOfMemoryError e) {
      log.error("Export {} of tenant {} failed", id, tenantId, e);
      store.failed(id, e instanceof UnreadableApplication ? e.getMessage()
          : "書き出しに失敗しました。もう一度書き出してください (failed: " + e.getClass().getSimpleName() + ")", clock.instant());
      deleteQuietly(part);
    } finally {
      runningHere.remove(id);
    }
  }

  /** The ZIP of a ready export, opened chunk by chunk with the tenant's key. */
  InputStream open(Export export) throws IOException {
    return SealedFile.reader(keys, export.tenantId(), export.id().toString(), Files.newInputStream(file(export.id())));
  }

  void downloaded(Export export, String account) {
    store.downloaded(export.id(), account, clock.instant());
    events.publishEvent(new OperationEvent(export.tenantId(), account, "export.downloaded", export.id().toString(),
        Map.of("sizeBytes", String.valueOf(export.sizeBytes()), "manifestSha256", export.manifestSha256())));
  }

  /** Deletes every export file of the tenant (its purge). */
  public void deleteFilesOf(String tenantId) {
    store.ofTenant(tenantId).forEach(export -> {
      deleteQuietly(file(export.id()));
      deleteQuietly(properties.directory().resolve(export.id() + ".zip.part"));
    });
  }

  /** Keeps this node's running exports alive, fails those of nodes that stopped, deletes expired files. */
  @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT5S")
  void beat() {
    Instant now = clock.instant();
    runningHere.forEach(id -> store.touch(id, now));
    store.failStale(now.minus(properties.staleAfter()), now)
        .forEach(id -> log.warn("Export {} stopped making progress and is marked failed", id));
    store.expire(now).forEach(id -> deleteQuietly(file(id)));
  }

  private Path file(UUID id) {
    return properties.directory().resolve(id + ".zip");
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      log.warn("Export file {} could not be deleted", path.getFileName(), e);
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    private long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }
  }

  /** Progress into the table, at most once a second (and at every change of phase). */
  private final class StoredProgress implements ExportProgress {
    private final UUID id;
    private String phase;
    private long done;
    private long total;
    private long lastWrite;

    StoredProgress(UUID id) {
      this.id = id;
    }

    @Override
    public void phase(String phase, long total) {
      this.phase = phase;
      this.total = total;
      this.done = 0;
      write();
    }

    @Override
    public void item() {
      done++;
      if (System.nanoTime() - lastWrite > 1_000_000_000L) {
        write();
      }
    }

    private void write() {
      lastWrite = System.nanoTime();
      store.progress(id, phase, done, total, clock.instant());
    }
  }
}
