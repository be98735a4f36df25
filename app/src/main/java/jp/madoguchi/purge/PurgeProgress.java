package jp.madoguchi.purge;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.audit.AuditPurge.RemovedLog;
import jp.madoguchi.export.ExportStore.DownloadedExport;

/**
 * A purge as recorded before its first irreversible step: what it relies on and the steps done. A
 * failure leaves it unfinished; asking again resumes it from here, since the accounts, the export and
 * the log it relied on are gone by then. The procedure keys are those of the tenant's own procedures,
 * whose departments' grants go with their last version.
 */
record PurgeProgress(String tenant, String operator, Instant startedAt, int attempts, Set<String> accounts,
    Set<String> procedureKeys, DownloadedExport export, Map<String, Long> rowsBefore, Instant keyDestroyedAt, RemovedLog removedLog,
    Instant finishedAt, String certificate) {

  boolean finished() {
    return finishedAt != null;
  }
}
