package jp.madoguchi.backup;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes the scheduled backups ({@code MADOGUCHI_BACKUP_CRON}, JST) and says at start where they go
 * and what keeps them from being taken (a missing {@code pg_dump}, a master key beside them).
 */
@Component
class BackupSchedule {

  private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

  private final DatabaseBackups backups;
  private final BackupProperties properties;

  BackupSchedule(DatabaseBackups backups, BackupProperties properties) {
    this.backups = backups;
    this.properties = properties;
  }

  @Scheduled(cron = "${madoguchi.backup.cron}", zone = "Asia/Tokyo")
  void scheduled() {
    if (backups.embedded()) {
      backups.take("system");
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void checkAtStart() throws IOException {
    if (!backups.embedded()) {
      return;
    }
    int leftovers = backups.folder().deleteLeftovers();
    if (leftovers > 0) {
      log.warn("Deleted {} incomplete backup file(s) an interrupted backup left in {}", leftovers, backups.directory());
    }
    backups.placement().warnings().forEach(log::warn);
    PgClientTools.Tool tool = backups.tool();
    if (!tool.usable()) {
      log.warn("Backups are configured but cannot be taken: {}", tool.problem());
    } else {
      log.info("Backups: {} into {}, keeping {} (pg_dump {})", properties.scheduled() ? "cron '" + properties.cron()
          + "' (JST)" : "on request only", backups.directory(), properties.keep(), tool.major());
    }
  }
}
