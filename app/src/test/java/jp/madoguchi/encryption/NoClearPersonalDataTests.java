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
import jp.madoguchi.Markers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
class NoClearPersonalDataTests extends IntegrationTest {

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
    assertThat(ClearTextScan.find(markers.all(), Map.of("the database dump", dump, "the application log", log)))
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
}
