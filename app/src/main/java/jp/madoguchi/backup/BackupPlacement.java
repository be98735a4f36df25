package jp.madoguchi.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.embedded.EmbeddedDatabaseProperties;
import jp.madoguchi.system.MadoguchiProperties;

/**
 * Where the backups lie relative to the database and the master key. A backup inside the database's
 * own folder is refused. Backups and the master key file must never travel together: whoever has
 * one copy holding both can read every resident's data, so a key file inside the backup folder, or a
 * backup folder inside the folder that holds the key file, is warned about at every start.
 */
record BackupPlacement(Path backups, Path dataDir, Path postgresDir, Optional<Path> masterKeyFile) {

  BackupPlacement {
    backups = normal(backups);
    dataDir = normal(dataDir);
    postgresDir = normal(postgresDir);
    masterKeyFile = masterKeyFile.map(BackupPlacement::normal);
  }

  /** The embedded default's master key file, or the configured one; none when the key comes from the environment. */
  static Optional<Path> masterKeyFile(MadoguchiProperties madoguchi, EmbeddedDatabaseProperties database) {
    if (!madoguchi.masterKeyFile().isBlank()) {
      return Optional.of(Path.of(madoguchi.masterKeyFile()));
    }
    return madoguchi.masterKey().isBlank() ? Optional.of(database.dataDir().resolve("master.key")) : Optional.empty();
  }

  /** Why backups cannot go there at all, or empty. */
  Optional<String> refusal() {
    if (backups.startsWith(postgresDir) || postgresDir.startsWith(backups)) {
      return Optional.of("MADOGUCHI_BACKUP_DIR " + backups + " overlaps the database folder " + postgresDir
          + ": choose a folder outside MADOGUCHI_DATA_DIR, ideally on another disk");
    }
    return Optional.empty();
  }

  List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    masterKeyFile.ifPresent(key -> {
      if (key.startsWith(backups) || backups.startsWith(key.getParent())) {
        warnings.add("The master key file " + key + " and the backups in " + backups + " end up in the same copy: "
            + "whoever has that copy can read all personal data. Keep the key apart (MADOGUCHI_MASTER_KEY from a "
            + "secret store, or MADOGUCHI_MASTER_KEY_FILE elsewhere) or move MADOGUCHI_BACKUP_DIR out of " + key.getParent());
      }
    });
    if (backups.startsWith(dataDir)) {
      warnings.add("The backups in " + backups + " lie inside the data folder " + dataDir
          + ": losing that folder or its disk loses the backups too. Set MADOGUCHI_BACKUP_DIR to a folder on another disk");
    }
    return warnings;
  }

  private static Path normal(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
