package jp.madoguchi.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator takes a backup on demand: {@code pg_dump}'s custom format in the backup folder beside
 * the data folder, with its SHA-256, logged as an operation; nobody else may, and the database's
 * password appears nowhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackupApiTests extends IntegrationTest {

  private static final String OPERATOR = "test-operator";
  private static final String OPERATOR_PASSWORD = "Operator-Pass-2026!";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired DatabaseBackups backups;

  @Test
  void shouldTakeABackupWhenAnOperatorAsksAndLogIt(CapturedOutput output) throws Exception {
    StaffHttp http = new StaffHttp(port);
    int before = backups.folder().backups().size();

    HttpResponse<String> started = http.basic("POST", "/api/operator/backups", OPERATOR, OPERATOR_PASSWORD, null);

    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode status = awaitIdle(http);
    assertThat(status.get("available").asBoolean()).isTrue();
    assertThat(status.get("lastFailure").isNull()).as(status.toString()).isTrue();
    assertThat(status.get("backups")).hasSize(before + 1);
    Path directory = Path.of(status.get("directory").asText());
    assertThat(directory).isEqualTo(Path.of(IntegrationTest.dataDir() + "-backups").toAbsolutePath());
    String name = status.get("lastSuccess").get("name").asText();
    Path backup = directory.resolve(name);
    assertThat(status.get("backups").get(0).get("name").asText()).isEqualTo(name);
    assertThat(BackupFolder.recordedSha256(backup)).isEqualTo(BackupFolder.sha256(backup))
        .isEqualTo(status.get("lastSuccess").get("sha256").asText());
    assertThat(pgRestoreList(backup)).as("a pg_dump custom-format archive of the whole database")
        .contains("TABLE public application ", "TABLE public act_ru_task ", "TABLE DATA public tenant ");

    JsonNode log = json.readTree(http.basic("GET", "/api/operator/audit-log?kind=backup.created", OPERATOR,
        OPERATOR_PASSWORD, null).body());
    assertThat(log.get("items").toString()).contains(name, OPERATOR);
    String password = Files.readString(IntegrationTest.dataDir().resolve("embedded-db.password")).trim();
    assertThat(log.toString()).doesNotContain(password);
    assertThat(output.getAll()).contains("Backup " + name + " written").doesNotContain(password);
  }

  @Test
  void shouldLetNobodyButOperatorsTakeOrSeeBackups() throws Exception {
    StaffHttp http = new StaffHttp(port);
    int before = backups.folder().backups().size();

    assertThat(http.basic("POST", "/api/operator/backups", "demo-admin", DEMO_ADMIN_PASSWORD, null).statusCode())
        .as("tenant admin").isEqualTo(403);
    assertThat(http.basic("GET", "/api/operator/backups", "demo-clerk", DEMO_CLERK_PASSWORD, null).statusCode())
        .as("clerk").isEqualTo(403);
    assertThat(http.basic("POST", "/api/operator/backups", null, null, null).statusCode()).as("anonymous").isEqualTo(401);
    assertThat(http.basic("POST", "/api/operator/backups", OPERATOR, "wrong-Password-1!", null).statusCode())
        .as("wrong password").isEqualTo(401);
    assertThat(http.basic("POST", "/api/operator/backups", OPERATOR, OPERATOR_PASSWORD, null, "Origin",
        "https://evil.example").statusCode()).as("cross-site").isEqualTo(403);

    awaitIdle(http);
    assertThat(backups.folder().backups()).hasSize(before);
  }

  private JsonNode awaitIdle(StaffHttp http) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (true) {
      HttpResponse<String> response = http.basic("GET", "/api/operator/backups", OPERATOR, OPERATOR_PASSWORD, null);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode status = json.readTree(response.body());
      if (!status.get("running").asBoolean() || System.nanoTime() > deadline) {
        return status;
      }
      Thread.sleep(200);
    }
  }

  private static String pgRestoreList(Path backup) throws Exception {
    Path tool = PgClientTools.find("pg_restore", "", 14).path();
    Process list = new ProcessBuilder(tool.toString(), "--list", backup.toString()).redirectErrorStream(true).start();
    String text = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(list.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(list.exitValue()).as(text).isZero();
    return text;
  }
}
