package jp.madoguchi.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The tenant's applications whose process instance the engine's history holds for the tenant, in
 * the order of {@code applications.json}: read from a cursor in batches of {@value #BATCH}, the
 * engine asked once per batch. Memory holds one batch.
 */
@Component
class KnownInstances {

  private static final int BATCH = 200;
  private static final String APPLICATIONS = """
      SELECT number, procedure_key, process_instance_id, payload FROM application
      WHERE tenant_id = ? ORDER BY procedure_key, submitted_at, number""";

  /** @param payload the application's data, sealed */
  record Known(String number, String procedureKey, String processInstanceId, String processDefinitionId,
      byte[] payload) {
  }

  interface BatchWriter {
    void write(List<Known> batch) throws Exception;
  }

  private final TenantCursor cursor;
  private final HistoryService history;

  KnownInstances(TenantCursor cursor, HistoryService history) {
    this.cursor = cursor;
    this.history = history;
  }

  /** Counts every application (known or not) as an item of {@code progress}. */
  void forEachBatch(String tenantId, ExportProgress progress, BatchWriter writer) throws Exception {
    List<Known> read = new ArrayList<>(BATCH);
    cursor.forEach(APPLICATIONS, tenantId, rs -> {
      read.add(new Known(rs.getString("number"), rs.getString("procedure_key"), rs.getString("process_instance_id"),
          null, rs.getBytes("payload")));
      if (read.size() == BATCH) {
        flush(tenantId, read, progress, writer);
      }
    });
    flush(tenantId, read, progress, writer);
  }

  private void flush(String tenantId, List<Known> read, ExportProgress progress, BatchWriter writer) throws Exception {
    if (read.isEmpty()) {
      return;
    }
    Map<String, String> definitions = history.createHistoricProcessInstanceQuery()
        .processInstanceIds(read.stream().map(Known::processInstanceId).collect(Collectors.toSet()))
        .tenantIdIn(tenantId).list().stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getProcessDefinitionId));
    List<Known> known = read.stream().filter(row -> definitions.containsKey(row.processInstanceId()))
        .map(row -> new Known(row.number(), row.procedureKey(), row.processInstanceId(),
            definitions.get(row.processInstanceId()), row.payload())).toList();
    if (!known.isEmpty()) {
      writer.write(known);
    }
    read.forEach(row -> progress.item());
    read.clear();
  }
}
