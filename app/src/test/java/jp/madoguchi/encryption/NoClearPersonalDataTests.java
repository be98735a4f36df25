package jp.madoguchi.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.database.EmbeddedDatabase;
import jp.madoguchi.embedded.EmbeddedDatabasePassword;
import jp.madoguchi.FullJourneys;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.LogCapture;
import jp.madoguchi.Markers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The promise "no personal data in clear anywhere in the database or the log", checked the way an
 * auditor would: one whole journey of every procedure with a unique marker in every field a person
 * fills in, then a {@code pg_dump} of the whole database and the application log (captured at the
 * production level, INFO) must contain none of the markers in any encoding.
 */
// a JVM of its own: other tests start and stop Spring applications, which reset Logback under the capture
@Tag("own-jvm")
class NoClearPersonalDataTests extends IntegrationTest {

  private static final java.util.Set<String> PUBLIC_FIELDS = publicFields();

  @LocalServerPort int port;
  @Autowired EmbeddedDatabase postgres;
  @Autowired EmbeddedDatabasePassword password;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ObjectMapper json;

  @Test
  void shouldLeaveNoMarkerInTheDatabaseDumpOrTheLog() throws Exception {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    Markers markers = new Markers();
    FullJourneys journeys = new FullJourneys(port, jdbc, runtime, tasks, management, json, markers);
    journeys.fetchLineKeys();
    List<String> numbers = new ArrayList<>();
    String log;
    try (LogCapture capture = LogCapture.atInfo()) {
      numbers.add(journeys.bulkyWaste(LineIdTokens.newUserId()));
      numbers.add(journeys.residentCertificate(LineIdTokens.newUserId()));
      numbers.add(journeys.childAllowance(LineIdTokens.newUserId()));
      numbers.add(journeys.roadDamage(LineIdTokens.newUserId()));
      log = capture.text();
    }
    String dump = pgDump();

    assertThat(dump).as("the dump holds the journeys").contains(numbers);
    assertThat(log).as("the log was captured").isNotBlank();
    assertThat(markers.all()).hasSizeGreaterThan(40);
    // fields labelled 機密性1 without personal data (e.g. a tracking number) are stored as Camunda stores them
    List<Markers.Marker> personal = markers.all().stream().filter(marker -> !PUBLIC_FIELDS.contains(marker.field())).toList();
    assertThat(personal).hasSizeGreaterThan(30);
    assertThat(ClearTextScan.find(personal, Map.of("the database dump", dump, "the application log", log)))
        .isEmpty();
  }

  /** The whole database as PostgreSQL's own tool writes it (Debian's postgresql-client; .ci/run installs it). */
  private String pgDump() throws IOException, InterruptedException {
    Path file = Files.createTempFile("madoguchi-dump-", ".sql");
    try {
      ProcessBuilder command = new ProcessBuilder(PgTools.binary("pg_dump"), "--no-owner", "--no-password",
          "--host=127.0.0.1", "--port=" + postgres.port(), "--username=postgres", "--dbname=postgres", "--file=" + file)
          .redirectErrorStream(true);
      command.environment().put("PGPASSWORD", password.value());
      Process dump = command.start();
      String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(dump.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(dump.exitValue()).as(output).isZero();
      return Files.readString(file, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Form fields labelled 機密性1 and no personal data in every form of the shipped procedures. */
  private static java.util.Set<String> publicFields() {
    java.util.Map<String, Boolean> isPublic = new java.util.HashMap<>();
    try (var files = Files.walk(Path.of("../forms"))) {
      for (Path form : files.filter(file -> file.toString().endsWith(".form")).toList()) {
        collect(new ObjectMapper().readTree(form.toFile()).path("components"), isPublic);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return isPublic.entrySet().stream().filter(java.util.Map.Entry::getValue).map(java.util.Map.Entry::getKey)
        .collect(java.util.stream.Collectors.toSet());
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode components, java.util.Map<String, Boolean> isPublic) {
    for (com.fasterxml.jackson.databind.JsonNode component : components) {
      if (component.hasNonNull("key")) {
        var properties = component.path("properties");
        boolean open = "1".equals(properties.path("confidentiality").asText())
            && "none".equals(properties.path("personalData").asText());
        isPublic.merge(component.get("key").asText(), open, Boolean::logicalAnd);
      }
      collect(component.path("components"), isPublic);
    }
  }
}
