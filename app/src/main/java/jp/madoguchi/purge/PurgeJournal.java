package jp.madoguchi.purge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.audit.AuditPurge.RemovedLog;
import jp.madoguchi.export.ExportStore.DownloadedExport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code tenant_purge} rows: each purge's progress and, once finished, its certificate. */
@Component
class PurgeJournal {

  private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
  };

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  PurgeJournal(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<PurgeProgress> of(String tenant) {
    return jdbc.query("SELECT * FROM tenant_purge WHERE tenant = ?", this::map, tenant).stream().findFirst();
  }

  /** Records a new purge, replacing a finished one of an earlier municipality of the same id. */
  void begin(String tenant, String operator, Instant startedAt, Set<String> accounts, Set<String> procedureKeys,
      DownloadedExport export, Map<String, Long> rowsBefore) {
    jdbc.update("DELETE FROM tenant_purge WHERE tenant = ? AND finished_at IS NOT NULL", tenant);
    jdbc.update("""
        INSERT INTO tenant_purge (tenant, operator, started_at, accounts, procedure_keys, export, rows_before)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", tenant, operator, Timestamp.from(startedAt), sorted(accounts),
        sorted(procedureKeys), text(export), text(rowsBefore));
  }

  void resumed(String tenant) {
    jdbc.update("UPDATE tenant_purge SET attempts = attempts + 1 WHERE tenant = ?", tenant);
  }

  void keyDestroyed(String tenant, Instant at) {
    jdbc.update("UPDATE tenant_purge SET key_destroyed_at = ? WHERE tenant = ?", Timestamp.from(at), tenant);
  }

  void logRemoved(String tenant, RemovedLog removed) {
    jdbc.update("UPDATE tenant_purge SET removed_log = ? WHERE tenant = ?", text(removed), tenant);
  }

  /** Keeps the certificate and forgets the accounts, which no longer exist. */
  void finished(String tenant, Instant at, String certificate) {
    jdbc.update("UPDATE tenant_purge SET finished_at = ?, certificate = ?, accounts = '{}' WHERE tenant = ?",
        Timestamp.from(at), certificate, tenant);
  }

  private PurgeProgress map(ResultSet rs, int row) throws SQLException {
    String removed = rs.getString("removed_log");
    return new PurgeProgress(rs.getString("tenant"), rs.getString("operator"), instant(rs, "started_at"),
        rs.getInt("attempts"), set(rs, "accounts"), set(rs, "procedure_keys"),
        read(rs.getString("export"), DownloadedExport.class), read(rs.getString("rows_before"), COUNTS),
        instant(rs, "key_destroyed_at"), removed == null ? null : read(removed, RemovedLog.class),
        instant(rs, "finished_at"), rs.getString("certificate"));
  }

  private static String[] sorted(Set<String> values) {
    return values.stream().sorted().toArray(String[]::new);
  }

  private static Set<String> set(ResultSet rs, String column) throws SQLException {
    return Set.copyOf(Arrays.asList((String[]) rs.getArray(column).getArray()));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp time = rs.getTimestamp(column);
    return time == null ? null : time.toInstant();
  }

  private String text(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    return read(text, json.constructType(type));
  }

  private <T> T read(String text, TypeReference<T> type) {
    return read(text, json.getTypeFactory().constructType(type));
  }

  private <T> T read(String text, JavaType type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable purge record", e);
    }
  }
}
