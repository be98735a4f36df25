package jp.madoguchi.attachment;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Files a resident uploaded but has not (yet) attached to a submitted application. Each resident
 * may hold only so many of them at a time, and those not attached within a day are deleted, so
 * that uploads cannot be used as free storage or to fill the database.
 */
@Component
class PendingUploads {

  private static final Logger log = LoggerFactory.getLogger(PendingUploads.class);

  /**
   * @param pendingFiles files one resident may have waiting, not yet part of an application
   * @param pendingBytes their total size
   * @param pendingLifetime how long an unattached file is kept
   */
  @ConfigurationProperties("madoguchi.attachment")
  record Quota(int pendingFiles, DataSize pendingBytes, Duration pendingLifetime) {
  }

  private final JdbcTemplate jdbc;
  private final Quota quota;

  PendingUploads(JdbcTemplate jdbc, Quota quota) {
    this.jdbc = jdbc;
    this.quota = quota;
  }

  /** Without a lock, before the file is decoded: a resident at their quota is refused at once. */
  void checkRoomFor(String tenantId, String residentRef, int bytes) {
    var pending = jdbc.queryForMap("""
        SELECT count(*) AS files, coalesce(sum(size_bytes), 0) AS bytes FROM attachment
        WHERE tenant_id = ? AND resident_ref = ? AND application_id IS NULL AND created_at > now() - ?::interval""",
        tenantId, residentRef, quota.pendingLifetime().toSeconds() + " seconds");
    if (((Number) pending.get("files")).intValue() >= quota.pendingFiles()
        || ((Number) pending.get("bytes")).longValue() + bytes > quota.pendingBytes().toBytes()) {
      throw new AttachmentRejectedException(429, "申請に使っていない添付ファイルが上限（" + quota.pendingFiles() + "個・"
          + quota.pendingBytes().toMegabytes() + "MB）に達しました。申請を送信するか、しばらく待ってからもう一度添付してください。"
          + "使われなかったファイルは1日で削除されます (too many files waiting to be attached; unattached files are "
          + "deleted after a day)");
    }
  }

  /**
   * Called in the transaction that stores the file, after it was checked: one upload per resident
   * at a time passes this check, on every node, until the transaction ends.
   */
  void reserveRoomFor(String tenantId, String residentRef, int bytes) {
    jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))", Object.class, tenantId, residentRef);
    checkRoomFor(tenantId, residentRef, bytes);
  }

  /** Deletes what was not attached in time, in small batches so no long lock is held. */
  @Scheduled(initialDelayString = "${madoguchi.attachment.cleanup-interval}",
      fixedDelayString = "${madoguchi.attachment.cleanup-interval}")
  int deleteExpired() {
    int total = 0;
    int deleted;
    do {
      deleted = jdbc.update("""
          DELETE FROM attachment WHERE id IN (
            SELECT id FROM attachment WHERE application_id IS NULL AND created_at < now() - ?::interval LIMIT 500)""",
          quota.pendingLifetime().toSeconds() + " seconds");
      total += deleted;
    } while (deleted > 0);
    if (total > 0) {
      log.info("Deleted {} uploaded files that were not attached to an application within {}", total,
          quota.pendingLifetime());
    }
    return total;
  }
}
