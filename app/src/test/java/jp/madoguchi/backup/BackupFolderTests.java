package jp.madoguchi.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naming, completion, rotation and leftovers of the backup folder; where backups may lie; finding pg_dump. */
class BackupFolderTests {

  @TempDir Path temp;

  @Test
  void shouldRenameACompleteBackupWithItsChecksumAndKeepTheNewest() throws Exception {
    BackupFolder folder = new BackupFolder(temp.resolve("backups"));
    Instant time = Instant.parse("2026-11-30T15:30:00Z");
    for (int i = 0; i < 5; i++) {
      Path backup = folder.newBackup(time.plusSeconds(i));
      Files.writeString(BackupFolder.partial(backup), "dump " + i);
      String sha256 = folder.complete(backup);
      assertThat(Files.exists(BackupFolder.partial(backup))).isFalse();
      assertThat(Files.readString(BackupFolder.checksumFile(backup))).isEqualTo(sha256 + "  " + backup.getFileName() + "\n");
      assertThat(BackupFolder.recordedSha256(backup)).isEqualTo(BackupFolder.sha256(backup));
    }
    assertThat(folder.backups().get(0).getFileName().toString()).isEqualTo("madoguchi-20261201-003004-000.dump");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.backups().get(0)))).isEqualTo("rw-------");

    assertThat(folder.rotate(3)).isEqualTo(2);

    assertThat(folder.backups()).extracting(path -> path.getFileName().toString()).containsExactly(
        "madoguchi-20261201-003004-000.dump", "madoguchi-20261201-003003-000.dump", "madoguchi-20261201-003002-000.dump");
    assertThat(Files.exists(temp.resolve("backups/madoguchi-20261201-003000-000.dump.sha256"))).isFalse();
  }

  @Test
  void shouldDeleteWhatAnInterruptedBackupLeft() throws Exception {
    BackupFolder folder = new BackupFolder(temp);
    Path backup = folder.newBackup(Instant.now());
    Files.writeString(BackupFolder.partial(backup), "half a dump");

    assertThat(folder.backups()).isEmpty();
    assertThat(folder.deleteLeftovers()).isEqualTo(1);
    assertThat(Files.list(temp)).isEmpty();
  }

  @Test
  void shouldPutTheBackupsBesideTheDataFolderByDefault() {
    assertThat(new BackupProperties("", "-", 7, "").directory(Path.of("/srv/madoguchi")))
        .isEqualTo(Path.of("/srv/madoguchi-backups"));
    assertThat(new BackupProperties("/mnt/nas/backups", "-", 7, "").directory(Path.of("/srv/madoguchi")))
        .isEqualTo(Path.of("/mnt/nas/backups"));
  }

  @Test
  void shouldRefuseBackupsInsideTheDatabaseAndWarnWhenTheyTravelWithTheMasterKey() {
    Path data = Path.of("/srv/madoguchi");
    Optional<Path> demoKey = Optional.of(data.resolve("master.key"));

    assertThat(placement(data.resolve("postgres/backups"), demoKey).refusal()).hasValueSatisfying(problem ->
        assertThat(problem).contains("overlaps the database folder"));
    assertThat(placement(Path.of("/srv/madoguchi-backups"), demoKey).warnings()).isEmpty();
    assertThat(placement(Path.of("/srv/madoguchi-backups"), Optional.empty()).warnings()).isEmpty();
    assertThat(placement(data.resolve("backups"), demoKey).warnings()).hasSize(2)
        .anySatisfy(warning -> assertThat(warning).contains("same copy"))
        .anySatisfy(warning -> assertThat(warning).contains("inside the data folder"));
    assertThat(placement(Path.of("/backups"), Optional.of(Path.of("/backups/keys/master.key"))).warnings())
        .singleElement().asString().contains("master key file /backups/keys/master.key");
  }

  @Test
  void shouldSayWhatToInstallWhenPgDumpIsMissingOrTooOld() throws Exception {
    assertThat(PgClientTools.find("pg_dump", temp.toString(), 14).problem())
        .contains("pg_dump was not found in MADOGUCHI_PG_BIN", "apt-get install postgresql-client");
    Path old = temp.resolve("pg_dump");
    Files.writeString(old, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 12.9'\n", StandardCharsets.US_ASCII);
    old.toFile().setExecutable(true);

    PgClientTools.Tool tool = PgClientTools.find("pg_dump", temp.toString(), 14);

    assertThat(tool.usable()).isFalse();
    assertThat(tool.problem()).contains("is version 12, older than the database server (14)");
    assertThat(PgClientTools.find("pg_dump", temp.toString(), 12).usable()).isTrue();
  }

  private static BackupPlacement placement(Path backups, Optional<Path> key) {
    Path data = Path.of("/srv/madoguchi");
    return new BackupPlacement(backups, data, data.resolve("postgres"), key);
  }
}
