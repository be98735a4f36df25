package jp.madoguchi.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.TestFolders;
import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.backup.DatabaseBackups;
import jp.madoguchi.backup.DatabaseRestore;
import jp.madoguchi.tenant.TenantKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Replacing the master key on a real database: started with a new key and the old one as the
 * previous key, the app wraps every stored data key anew, what was sealed before still opens, and
 * afterwards the new key alone is enough. A previous key that is not the database's stops the start
 * and changes nothing.
 */
@Tag("own-jvm")
class MasterKeyRotationTests {

  private static final String OLD = key(1);
  private static final String NEW = key(2);
  private static final String WRONG = key(3);

  @Test
  void shouldWrapEveryKeyAnewUnderTheNewMasterKey() throws Exception {
    Path dataDir = TestFolders.create("madoguchi-master-key-");
    byte[] sealed;
    Path backup;
    try (ConfigurableApplicationContext app = start(dataDir, OLD, "")) {
      sealed = app.getBean(TenantKeys.class).encrypt("demo", "test.rotation", "住民の秘密");
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      // the log's keys are made on first use: an entry in デモ市's log makes its seal key
      app.publishEvent(new OperationEvent("demo", "demo-admin", "test.rotation", "master-key", Map.of()));
      for (int i = 0; i < 100 && !wrappedKeys(jdbc).containsKey("audit-seal:demo"); i++) {
        Thread.sleep(100);
      }
      // a resident's pseudonym key: wrapped by the old key as the app would
      jdbc.update("UPDATE audit_chain SET pseudonym_key = ? WHERE tenant_id = 'demo' AND pseudonym_key IS NULL",
          MasterKey.fromBase64(OLD).wrap(AesGcm.newKey(), "audit-pseudonym:demo"));
      assertThat(wrappedKeys(jdbc)).containsKeys("tenant:demo", "tenant:kita", "audit-seal:demo", "audit-pseudonym:demo")
          .allSatisfy((owner, wrapped) ->
          assertThat(opens(OLD, wrapped, owner)).as(owner).isTrue());
      DatabaseBackups backups = app.getBean(DatabaseBackups.class);
      backup = backups.directory().resolve(backups.take("before-rotation")
          .orElseThrow(() -> new AssertionError("backup failed: " + backups.lastFailure())).name());
    }

    Map<String, byte[]> rewrapped;
    try (ConfigurableApplicationContext app = start(dataDir, NEW, OLD)) {
      assertThat(app.getBean(TenantKeys.class).decrypt("demo", "test.rotation", sealed)).isEqualTo("住民の秘密");
      rewrapped = wrappedKeys(app.getBean(JdbcTemplate.class));
      assertThat(rewrapped).allSatisfy((owner, wrapped) -> {
        assertThat(opens(NEW, wrapped, owner)).as(owner).isTrue();
        assertThat(opens(OLD, wrapped, owner)).as(owner).isFalse();
      });
    }

    try (ConfigurableApplicationContext app = start(dataDir, NEW, "")) {
      assertThat(app.getBean(TenantKeys.class).decrypt("demo", "test.rotation", sealed)).isEqualTo("住民の秘密");
    }

    assertThatThrownBy(() -> start(dataDir, WRONG, OLD).close())
        .hasStackTraceContaining("Neither MADOGUCHI_MASTER_KEY nor MADOGUCHI_MASTER_KEY_PREVIOUS opens");
    try (ConfigurableApplicationContext app = start(dataDir, NEW, "")) {
      assertThat(wrappedKeys(app.getBean(JdbcTemplate.class))).as("nothing changed by the refused start")
          .allSatisfy((owner, wrapped) -> assertThat(wrapped).isEqualTo(rewrapped.get(owner)));
    }

    // a backup from before the replacement: the new key alone does not open it, with the old one as previous it does
    Path restored = TestFolders.create("madoguchi-master-key-restored-");
    assertThat(DatabaseRestore.run(new String[] {"--madoguchi.embedded-db.data-dir=" + restored,
        "--madoguchi.master-key=" + NEW, "--madoguchi.restore.from=" + backup})).as("the new key alone").isEqualTo(1);
    assertThat(DatabaseRestore.run(new String[] {"--madoguchi.embedded-db.data-dir=" + restored,
        "--madoguchi.master-key=" + NEW, "--madoguchi.previous-master-key=" + OLD, "--madoguchi.restore.from=" + backup}))
        .as("the new key and the old one as previous").isZero();
    try (ConfigurableApplicationContext app = start(restored, NEW, OLD)) {
      assertThat(app.getBean(TenantKeys.class).decrypt("demo", "test.rotation", sealed)).isEqualTo("住民の秘密");
      assertThat(wrappedKeys(app.getBean(JdbcTemplate.class)))
          .allSatisfy((owner, wrapped) -> assertThat(opens(NEW, wrapped, owner)).as(owner).isTrue());
    }
    FileSystemUtils.deleteRecursively(backup.getParent());
  }

  @Test
  void shouldRefuseAPreviousKeyThatIsNoKey() {
    assertThatThrownBy(() -> MasterKey.fromBase64(NEW).replacing("not base64!"))
        .hasMessageContaining("MADOGUCHI_MASTER_KEY_PREVIOUS is not valid Base64");
    assertThatThrownBy(() -> MasterKey.fromBase64(NEW).replacing(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("MADOGUCHI_MASTER_KEY_PREVIOUS must decode to 32 bytes");
  }

  /** Every wrapped key in the database by its owner, as the app binds it into the wrapping. */
  private static Map<String, byte[]> wrappedKeys(JdbcTemplate jdbc) {
    var keys = new java.util.TreeMap<String, byte[]>();
    jdbc.query("SELECT id, data_key FROM tenant WHERE data_key IS NOT NULL",
        (java.sql.ResultSet rs) -> { keys.put("tenant:" + rs.getString(1), rs.getBytes(2)); });
    jdbc.query("SELECT tenant_id, seal_key, pseudonym_key FROM audit_chain", (java.sql.ResultSet rs) -> {
      for (String column : List.of("seal_key", "pseudonym_key")) {
        if (rs.getBytes(column) != null) {
          String kind = column.equals("seal_key") ? "audit-seal:" : "audit-pseudonym:";
          keys.put(kind + rs.getString("tenant_id"), rs.getBytes(column));
        }
      }
    });
    return keys;
  }

  private static boolean opens(String masterKey, byte[] wrapped, String owner) {
    try {
      MasterKey.fromBase64(masterKey).unwrap(wrapped, owner);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String key(int seed) {
    byte[] key = ("master-key-of-the-rotation-test" + seed).getBytes(StandardCharsets.US_ASCII);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(key, AesGcm.KEY_BYTES));
  }

  private static ConfigurableApplicationContext start(Path dataDir, String masterKey, String previous) {
    MadoguchiApplication.useJapanStandardTime();
    return new SpringApplicationBuilder(MadoguchiApplication.class).run("--server.port=0",
        "--camunda.bpm.job-execution.enabled=false", "--madoguchi.line.workers-enabled=false",
        "--madoguchi.tenants-seed=classpath:seed/test-tenants.yaml",
        "--madoguchi.embedded-db.data-dir=" + dataDir, "--madoguchi.master-key=" + masterKey,
        "--madoguchi.previous-master-key=" + previous);
  }
}
