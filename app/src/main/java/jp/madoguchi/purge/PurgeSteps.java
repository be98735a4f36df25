package jp.madoguchi.purge;

import java.time.Clock;
import java.time.Instant;

import jp.madoguchi.audit.AuditPurge;
import jp.madoguchi.audit.AuditPurge.RemovedLog;
import jp.madoguchi.export.ExportJobs;
import jp.madoguchi.tenant.TenantKeys;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deleting steps of a purge, in order: the data key (from then on nothing sealed of the tenant
 * opens, in the database or in left-over export files), the engine's data, the export files,
 * Madoguchi's rows, the tenant's log. Each is safe to run again; the key's destruction and the
 * removed log's chain head are recorded as they happen, so that a resumed purge neither loses them
 * nor does them twice.
 */
@Component
class PurgeSteps {

  private final TenantKeys keys;
  private final EnginePurge engine;
  private final ExportJobs exportFiles;
  private final AppPurge app;
  private final AuditPurge audit;
  private final PurgeJournal journal;
  private final TransactionTemplate transaction;
  private final Clock clock;

  PurgeSteps(TenantKeys keys, EnginePurge engine, ExportJobs exportFiles, AppPurge app, AuditPurge audit,
      PurgeJournal journal, TransactionTemplate transaction, Clock clock) {
    this.keys = keys;
    this.engine = engine;
    this.exportFiles = exportFiles;
    this.app = app;
    this.audit = audit;
    this.journal = journal;
    this.transaction = transaction;
    this.clock = clock;
  }

  record Done(Instant keyDestroyedAt, RemovedLog removedLog) {
  }

  Done run(PurgeProgress progress) {
    String tenantId = progress.tenant();
    Instant keyDestroyed = progress.keyDestroyedAt();
    if (keyDestroyed == null) {
      keys.destroyDataKey(tenantId);
      keyDestroyed = clock.instant();
      journal.keyDestroyed(tenantId, keyDestroyed);
    }
    engine.purge(tenantId, progress.accounts(), progress.procedureKeys());
    exportFiles.deleteFilesOf(tenantId);
    app.purge(tenantId, progress.accounts());
    RemovedLog removedLog = progress.removedLog() != null ? progress.removedLog() : transaction.execute(status -> {
      RemovedLog removed = audit.removeLogOf(tenantId);
      journal.logRemoved(tenantId, removed);
      return removed;
    });
    return new Done(keyDestroyed, removedLog);
  }
}
