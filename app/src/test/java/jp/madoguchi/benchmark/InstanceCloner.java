package jp.madoguchi.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jp.madoguchi.database.LongStatements;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies one real process instance, made by the engine through the app's own path, many times with
 * PostgreSQL's COPY: every row the engine and the app wrote for it (runtime, history, variables and
 * their byte arrays, identity links, the authorizations the engine created for its tasks, the
 * application row). Ids of the instance's own rows get fresh UUIDs in each copy, consistently in every
 * column that refers to them; ids of shared things (definitions, deployments, groups, users) stay.
 * The application number, the resident and the times are the copy's own. Unless asked for, the
 * {@link #DETAILED_HISTORY} is left out: no measured call reads it, and with it a million finished
 * applications take about twice the rows and disk on a development machine.
 */
final class InstanceCloner {

  /** The engine tables that hold a process instance's rows, found by ROOT_PROC_INST_ID_ or PROC_INST_ID_. */
  private static final List<String> INSTANCE_TABLES = List.of(
      "act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_event_subscr", "act_ru_job", "act_ru_incident",
      "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
      "act_hi_identitylink", "act_hi_job_log", "act_hi_op_log", "act_hi_incident", "act_hi_comment",
      "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out");
  /** History no measured call reads: about half of a finished application's rows and most of its bytes. */
  static final List<String> DETAILED_HISTORY = List.of("act_hi_varinst", "act_hi_detail", "act_hi_job_log",
      "act_hi_op_log");
  private static final int BATCH = 2_000;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final boolean detailedHistory;

  /** @param detailedHistory also copy {@link #DETAILED_HISTORY} (variables' history, details, job and operation logs) */
  InstanceCloner(DataSource dataSource, boolean detailedHistory) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.detailedHistory = detailedHistory;
  }

  /** What one copy changes besides ids: its number, resident and how far back in time it lies. */
  record Copy(String number, String residentRef, Duration earlier) {
  }

  /** The rows of one instance, per table, as text (PostgreSQL's own text form of each value). */
  record Template(String processInstanceId, String number, String residentRef, Map<String, Rows> tables,
      Set<String> localIds) {
    int rowsPerCopy() {
      return tables.values().stream().mapToInt(rows -> rows.values().size()).sum();
    }
  }

  record Rows(List<String> columns, List<String> types, List<String[]> values) {
  }

  Template template(String processInstanceId) {
    Map<String, Rows> tables = new LinkedHashMap<>();
    for (String table : INSTANCE_TABLES) {
      Set<String> columns = columnNames(table);
      if (columns.isEmpty() || !detailedHistory && DETAILED_HISTORY.contains(table)) {
        continue;
      }
      List<String> conditions = new ArrayList<>();
      for (String column : List.of("root_proc_inst_id_", "proc_inst_id_")) {
        if (columns.contains(column)) {
          conditions.add(column + " = ?");
        }
      }
      add(tables, table, String.join(" OR ", conditions),
          conditions.stream().map(condition -> (Object) processInstanceId).toArray());
    }
    List<String> taskIds = ids(tables.get("act_ru_task"));
    if (!taskIds.isEmpty()) {
      add(tables, "act_ru_identitylink", "task_id_ = ANY (?)", (Object) taskIds.toArray(String[]::new));
      add(tables, "act_ru_authorization", "resource_id_ = ANY (?)", (Object) taskIds.toArray(String[]::new));
    }
    Set<String> referenced = new HashSet<>();
    tables.values().forEach(rows -> rows.values().forEach(row -> {
      for (int i = 0; i < row.length; i++) {
        if (rows.columns().get(i).endsWith("_id_") && row[i] != null) {
          referenced.add(row[i]);
        }
      }
    }));
    // referenced rows first: the foreign keys are checked row by row
    Map<String, Rows> ordered = new LinkedHashMap<>();
    add(ordered, "act_ge_bytearray", "id_ = ANY (?)", (Object) referenced.toArray(String[]::new));
    ordered.putAll(tables);
    tables = ordered;
    parentsFirst(tables.get("act_ru_execution"));
    add(tables, "application", "process_instance_id = ?", processInstanceId);
    Set<String> localIds = new HashSet<>();
    tables.forEach((table, rows) -> localIds.addAll(ids(rows)));
    localIds.add(processInstanceId);
    String[] application = tables.get("application").values().get(0);
    List<String> appColumns = tables.get("application").columns();
    return new Template(processInstanceId, application[appColumns.indexOf("number")],
        application[appColumns.indexOf("resident_ref")], tables, localIds);
  }

  /** Copies to make of one template. */
  record Work(Template template, List<Copy> copies) {
  }

  /**
   * Writes a tenant's copies, table by table, with COPY, in one transaction, so that a run stopped
   * half-way leaves the tenant without copies rather than with half of them. Its statements may take
   * longer than the app's request timeouts allow. Returns the number of rows written.
   */
  long copy(String tenantId, List<Work> work) {
    return transactions.execute(status -> {
      LongStatements.allowInThisTransaction(jdbc);
      // the copies are consistent by construction: skip the row-by-row foreign key triggers (superuser)
      jdbc.execute("SET LOCAL session_replication_role = replica");
      return jdbc.execute((ConnectionCallback<Long>) connection -> {
        var copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        long written = 0;
        for (Work each : work) {
          written += copy(copyManager, each.template(), tenantId, each.copies());
        }
        return written;
      });
    });
  }

  /** Fresh planner statistics once the copies are written (at this size longer than a request may take). */
  void analyze() {
    transactions.executeWithoutResult(status -> {
      LongStatements.allowInThisTransaction(jdbc);
      jdbc.execute("ANALYZE");
    });
  }

  private long copy(CopyManager copyManager, Template template, String tenantId, List<Copy> copies)
      throws SQLException {
    long written = 0;
    for (int from = 0; from < copies.size(); from += BATCH) {
      List<Copy> batch = copies.subList(from, Math.min(copies.size(), from + BATCH));
      List<Map<String, String>> idMaps = new ArrayList<>();
      for (Copy copy : batch) {
        Map<String, String> ids = new HashMap<>();
        template.localIds().forEach(id -> ids.put(id, UUID.randomUUID().toString()));
        ids.put(template.number(), copy.number());
        if (template.residentRef() != null) {
          ids.put(template.residentRef(), copy.residentRef());
        }
        idMaps.add(ids);
      }
      for (var table : template.tables().entrySet()) {
        Rows rows = table.getValue();
        if (rows.values().isEmpty()) {
          continue;
        }
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < batch.size(); c++) {
          for (String[] row : rows.values()) {
            appendRow(csv, rows, row, idMaps.get(c), batch.get(c).earlier(), tenantId);
          }
        }
        try {
          written += copyManager.copyIn("COPY " + table.getKey() + " (" + String.join(", ", rows.columns())
              + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return written;
  }

  private static void appendRow(StringBuilder csv, Rows rows, String[] row, Map<String, String> ids,
      Duration earlier, String tenantId) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      String value = row[i];
      if (value == null) {
        continue;
      }
      String column = rows.columns().get(i);
      String type = rows.types().get(i);
      if (column.equals("tenant_id_") || column.equals("tenant_id")) {
        value = tenantId;
      } else if (type.startsWith("timestamp")) {
        value = LocalDateTime.parse(value, TIME).minus(earlier).format(TIME);
      } else {
        value = ids.getOrDefault(value, value);
      }
      csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
    csv.append('\n');
  }

  private void add(Map<String, Rows> tables, String table, String where, Object... args) {
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    jdbc.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' "
        + "AND table_name = ? ORDER BY ordinal_position", rs -> {
          columns.add(rs.getString(1));
          types.add(rs.getString(2));
        }, table);
    List<String> selected = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      // times in the session's zone, read back in the same zone by COPY
      selected.add(types.get(i).startsWith("timestamp")
          ? "to_char(" + columns.get(i) + ", 'YYYY-MM-DD HH24:MI:SS.US')" : columns.get(i) + "::text");
    }
    String select = String.join(", ", selected);
    List<String[]> values = jdbc.query("SELECT " + select + " FROM " + table + " WHERE " + where, (rs, n) -> {
      String[] row = new String[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = rs.getString(i + 1);
      }
      return row;
    }, args);
    Rows previous = tables.get(table);
    if (previous != null) {
      previous.values().addAll(values);
    } else {
      tables.put(table, new Rows(columns, types, new ArrayList<>(values)));
    }
  }

  /** Executions refer to their parent execution in the same table. */
  private static void parentsFirst(Rows executions) {
    if (executions == null) {
      return;
    }
    int id = executions.columns().indexOf("id_");
    int parent = executions.columns().indexOf("parent_id_");
    Map<String, String> parents = new HashMap<>();
    executions.values().forEach(row -> parents.put(row[id], row[parent]));
    executions.values().sort(java.util.Comparator.comparingInt(row -> {
      int depth = 0;
      for (String current = row[parent]; current != null; current = parents.get(current)) {
        depth++;
      }
      return depth;
    }));
  }

  private Set<String> columnNames(String table) {
    return new HashSet<>(jdbc.queryForList("SELECT column_name FROM information_schema.columns "
        + "WHERE table_schema = 'public' AND table_name = ?", String.class, table));
  }

  private static List<String> ids(Rows rows) {
    if (rows == null) {
      return List.of();
    }
    int id = rows.columns().indexOf(rows.columns().contains("id_") ? "id_" : "id");
    return id < 0 ? List.of() : rows.values().stream().map(row -> row[id]).toList();
  }
}
