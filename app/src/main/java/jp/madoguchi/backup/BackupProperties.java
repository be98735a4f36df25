package jp.madoguchi.backup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backups of the embedded default's database ({@code madoguchi.backup.*}).
 *
 * @param dir where the backups go ({@code MADOGUCHI_BACKUP_DIR}); empty: a folder beside the data
 *     folder, {@code <MADOGUCHI_DATA_DIR>-backups}, so that neither holds the other
 * @param cron when the app takes one (Spring cron, JST; {@code MADOGUCHI_BACKUP_CRON}); {@code -} turns the schedule off
 * @param keep how many backups are kept; older ones are deleted after a new one succeeded ({@code MADOGUCHI_BACKUP_KEEP})
 * @param pgBin the folder of PostgreSQL's client tools {@code pg_dump} and {@code pg_restore} ({@code MADOGUCHI_PG_BIN});
 *     empty: found on {@code PATH}, else the newest {@code /usr/lib/postgresql/<version>/bin}
 */
@ConfigurationProperties("madoguchi.backup")
public record BackupProperties(String dir, String cron, int keep, String pgBin) {

  public BackupProperties {
    dir = dir == null ? "" : dir.trim();
    cron = cron == null ? "-" : cron.trim();
    pgBin = pgBin == null ? "" : pgBin.trim();
    if (keep < 1) {
      throw new IllegalStateException("MADOGUCHI_BACKUP_KEEP must be at least 1, got " + keep);
    }
  }

  /** The backup folder: the configured one, else {@code <dataDir>-backups}. */
  Path directory(Path dataDir) {
    if (!dir.isEmpty()) {
      return Path.of(dir).toAbsolutePath().normalize();
    }
    Path data = dataDir.toAbsolutePath().normalize();
    return data.resolveSibling(data.getFileName() + "-backups");
  }

  boolean scheduled() {
    return !cron.equals("-");
  }
}
