package jp.madoguchi.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The shipped backup set-ups fit together: the image can back up and restore its embedded database,
 * and the pgBackRest override archives WAL into the stanza its configuration defines, with the
 * repository's passphrase from the environment only.
 */
class BackupPackagingTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void shouldGiveTheImagePgDumpAndABackupFolder() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));

    assertThat(dockerfile).contains("postgresql-client", "MADOGUCHI_BACKUP_DIR=/backups", "chown madoguchi:madoguchi /data /backups");
  }

  @Test
  void shouldArchiveIntoTheConfiguredStanzaWithThePassphraseFromTheEnvironment() throws Exception {
    JsonNode override = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker/compose.pitr.yaml").toFile());
    String conf = Files.readString(ROOT.resolve("docker/pgbackrest/pgbackrest.conf"));
    JsonNode postgres = override.at("/services/postgres");

    assertThat(postgres.path("command").toString()).contains("archive_mode=on", "wal_level=replica",
        "archive_command=pgbackrest --stanza=madoguchi archive-push %p", "archive_timeout=");
    assertThat(conf).contains("[madoguchi]", "pg1-path=/var/lib/postgresql/data", "repo1-cipher-type=aes-256-cbc",
        "repo1-retention-full=").doesNotContain("repo1-cipher-pass=");
    assertThat(postgres.at("/environment/PGBACKREST_REPO1_CIPHER_PASS").asText()).startsWith("${PGBACKREST_REPO1_CIPHER_PASS:?");
    assertThat(postgres.path("volumes").toString()).contains("/etc/pgbackrest/pgbackrest.conf", "/var/lib/pgbackrest");
    assertThat(Files.readString(ROOT.resolve("docker/pgbackrest/Dockerfile"))).contains("FROM postgres:17", "pgbackrest");
    assertThat(Files.readString(ROOT.resolve("docker/compose.yaml"))).contains("image: postgres:17");
  }
}
