package jp.madoguchi.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An export that cannot read an application stops and says which one, instead of an exception's class name. */
class ExportFailureTests extends IntegrationTest {

  private static final String KITA_ADMIN_PASSWORD = "Hokubu-Admin-2026!";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldNameTheApplicationWhoseDataCannotBeDecrypted() throws Exception {
    UUID id = UUID.randomUUID();
    jdbc.update("""
        INSERT INTO application (id, tenant_id, number, procedure_key, process_instance_id, submitted_at, payload, channel)
        VALUES (?, ?, 'K-DAMAGED-1', 'bulky-waste-collection', ?, ?, '\\x00'::bytea, 'ONLINE')""",
        id, KITA, "damaged-" + id, Timestamp.from(Instant.now()));
    try {
      JsonNode state = new ExportDownloads(port).finished(KITA, "kita-admin", KITA_ADMIN_PASSWORD, "{}");

      assertThat(state.get("status").asText()).isEqualTo("FAILED");
      assertThat(state.get("failure").asText()).contains("K-DAMAGED-1", "復号できない").doesNotContain("Exception");
      assertThat(state.get("download").isNull()).isTrue();
    } finally {
      jdbc.update("DELETE FROM application WHERE id = ?", id);
    }
  }
}
