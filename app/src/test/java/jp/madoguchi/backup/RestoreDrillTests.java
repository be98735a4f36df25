package jp.madoguchi.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import jp.madoguchi.FullJourneys;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.Markers;
import jp.madoguchi.database.EmbeddedDatabase;
import jp.madoguchi.document.Documents;
import jp.madoguchi.embedded.EmbeddedDatabasePassword;
import jp.madoguchi.embedded.EmbeddedDatabaseProperties;
import jp.madoguchi.embedded.EmbeddedServer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The restore drill: applications of every procedure (finished ones with documents and files, one
 * still waiting for its review), a backup, the data folder destroyed, the restore command into a new
 * folder with the master key given apart, and then: every table equal row for row, residents see
 * the same applications, the documents verify on {@code /verify}, the open task can be completed.
 * Then the ways a restore is refused: over a database, without or with the wrong master key, from
 * a damaged backup.
 */
@Tag("own-jvm")
class RestoreDrillTests {

  private static final WireMockServer LINE = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final HttpClient http = HttpClient.newHttpClient();
  private final String masterKey = newKey();

  static {
    LINE.start();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
  }

  @AfterAll
  static void stopLine() {
    LINE.stop();
  }

  @Test
  void shouldRestoreEveryApplicationIntoANewDataFolder() throws Exception {
    Path dataDir = Files.createTempDirectory("madoguchi-drill-");
    Map<String, String> residents = new LinkedHashMap<>();
    Map<String, String> views = new LinkedHashMap<>();
    Map<UUID, String> documents = new LinkedHashMap<>();
    String open;
    Map<String, String> before;
    Path backup;
    try (ConfigurableApplicationContext app = start(dataDir, masterKey)) {
      FullJourneys journeys = journeys(app);
      journeys.fetchLineKeys();
      List<Journey> journeysOfEveryProcedure = List.of(journeys::bulkyWaste, journeys::residentCertificate,
          journeys::childAllowance, journeys::roadDamage, journeys::openBulkyWaste);
      for (Journey journey : journeysOfEveryProcedure) {
        String resident = LineIdTokens.newUserId();
        residents.put(journey.run(resident), resident);
      }
      open = List.copyOf(residents.keySet()).get(residents.size() - 1);
      for (var application : residents.entrySet()) {
        views.put(application.getKey(), journeys.residentView(application.getValue(), application.getKey()));
      }
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      jdbc.query("SELECT id, sha256 FROM document WHERE sha256 IS NOT NULL", row -> {
        documents.put(row.getObject("id", UUID.class), row.getString("sha256"));
      });
      assertThat(documents).as("documents with their signed PDFs").hasSizeGreaterThanOrEqualTo(4);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM attachment", Long.class)).isGreaterThanOrEqualTo(3);

      before = TableSnapshot.of(jdbc);
      DatabaseBackups backups = app.getBean(DatabaseBackups.class);
      DatabaseBackups.BackupResult result = backups.take("drill").orElseThrow(() ->
          new AssertionError("backup failed: " + backups.lastFailure()));
      backup = backups.directory().resolve(result.name());
      System.out.printf("DRILL backup: %,d bytes in %.1f s (%d tables, %,d rows)%n", result.bytes(), result.seconds(),
          before.size(), TableSnapshot.rows(before));
    }

    FileSystemUtils.deleteRecursively(dataDir);
    long start = System.nanoTime();
    assertThat(DatabaseRestore.run(restoreArguments(dataDir, masterKey, backup))).isZero();
    System.out.printf("DRILL restore of %s into an empty data folder: %.1f s%n", backup.getFileName(),
        (System.nanoTime() - start) / 1e9);
    assertThat(snapshotOf(dataDir)).as("every table, row for row").isEqualTo(before);

    try (ConfigurableApplicationContext app = start(dataDir, masterKey)) {
      FullJourneys journeys = journeys(app);
      journeys.fetchLineKeys();
      for (var application : residents.entrySet()) {
        assertThat(journeys.residentView(application.getValue(), application.getKey()))
            .as("what the resident sees of " + application.getKey()).isEqualTo(views.get(application.getKey()));
      }
      int port = port(app);
      Documents issued = app.getBean(Documents.class);
      for (var document : documents.entrySet()) {
        assertThat(get(port, "/verify/demo/" + document.getKey())).contains(document.getValue());
        byte[] pdf = issued.forStaff("demo", document.getKey()).orElseThrow().content();
        assertThat(sha256(pdf)).isEqualTo(document.getValue());
        assertThat(upload(port, "/verify/demo/" + document.getKey(), pdf)).contains("data-result=\"genuine\"");
      }
      String instance = journeys.instance(open);
      journeys.approveBulkyWaste(open);
      assertThat(app.getBean(TaskService.class).createTaskQuery().processInstanceId(instance).count()).isZero();
      assertThat(app.getBean(HistoryService.class).createHistoricTaskInstanceQuery().processInstanceId(instance)
          .taskDefinitionKey("Task_ReviewApplication").finished().count()).isEqualTo(1);
    }

    shouldRefuseARestoreThatWouldLoseOrMisreadData(dataDir, backup);
    FileSystemUtils.deleteRecursively(dataDir);
    FileSystemUtils.deleteRecursively(backup.getParent());
  }

  private void shouldRefuseARestoreThatWouldLoseOrMisreadData(Path restored, Path backup) throws Exception {
    Map<String, String> restoredTables = snapshotOf(restored);
    assertThat(DatabaseRestore.run(restoreArguments(restored, masterKey, backup))).as("over a database").isEqualTo(2);
    assertThat(snapshotOf(restored)).isEqualTo(restoredTables);

    Path empty = Files.createTempDirectory("madoguchi-drill-empty-");
    assertThat(DatabaseRestore.run(new String[] {"--madoguchi.embedded-db.data-dir=" + empty,
        DatabaseRestore.ARGUMENT + backup})).as("no master key given").isEqualTo(2);
    assertThat(DatabaseRestore.run(restoreArguments(empty, newKey(), backup))).as("another master key").isEqualTo(1);
    assertThat(empty.resolve("postgres")).as("the refused restore leaves no database behind").doesNotExist();

    Path damaged = Files.createTempDirectory("madoguchi-drill-damaged-").resolve(backup.getFileName());
    byte[] bytes = Files.readAllBytes(backup);
    bytes[bytes.length / 2] ^= 1;
    Files.write(damaged, bytes);
    Files.copy(BackupFolder.checksumFile(backup), BackupFolder.checksumFile(damaged), StandardCopyOption.REPLACE_EXISTING);
    assertThat(DatabaseRestore.run(restoreArguments(empty, masterKey, damaged))).as("a damaged backup").isEqualTo(2);
    assertThat(empty.resolve("postgres")).doesNotExist();
    FileSystemUtils.deleteRecursively(empty);
    FileSystemUtils.deleteRecursively(damaged.getParent());
  }

  private static Map<String, String> snapshotOf(Path dataDir) throws Exception {
    EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir, 0, null);
    try (EmbeddedDatabase database = EmbeddedServer.start(properties,
        EmbeddedDatabasePassword.of(properties.passwordFile(), properties.postgresDirectory()))) {
      return TableSnapshot.of(new JdbcTemplate(database.postgresDatabase()));
    }
  }

  private static String[] restoreArguments(Path dataDir, String key, Path backup) {
    return new String[] {"--madoguchi.embedded-db.data-dir=" + dataDir, "--madoguchi.master-key=" + key,
        DatabaseRestore.ARGUMENT + backup};
  }

  private static ConfigurableApplicationContext start(Path dataDir, String key) {
    MadoguchiApplication.useJapanStandardTime();
    return new SpringApplicationBuilder(MadoguchiApplication.class).run("--server.port=0",
        "--camunda.bpm.job-execution.enabled=false", "--madoguchi.line.workers-enabled=false",
        "--madoguchi.line.read-timeout=1s", "--madoguchi.line.jwks-min-refresh-interval=1ms",
        "--madoguchi.tenants-seed=classpath:seed/test-tenants.yaml", "--madoguchi.backup.cron=-",
        "--madoguchi.line.api-base-url=" + LINE.baseUrl(), "--madoguchi.line.data-api-base-url=" + LINE.baseUrl(),
        "--madoguchi.embedded-db.data-dir=" + dataDir, "--madoguchi.master-key=" + key);
  }

  private static FullJourneys journeys(ConfigurableApplicationContext app) {
    return new FullJourneys(port(app), app.getBean(JdbcTemplate.class), app.getBean(RuntimeService.class),
        app.getBean(TaskService.class), app.getBean(ManagementService.class), app.getBean(ObjectMapper.class),
        new Markers());
  }

  private static int port(ConfigurableApplicationContext app) {
    return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /** One resident's journey through a procedure; returns the application number. */
  private interface Journey {
    String run(String resident) throws Exception;
  }

  private String get(int port, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private String upload(int port, String path, byte[] pdf) throws Exception {
    String boundary = "----madoguchi-drill";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"document.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(pdf);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static String sha256(byte[] content) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
