package jp.madoguchi.export;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jp.madoguchi.application.ApplicationData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * Which files an export without 要配慮個人情報 leaves out: every document of a procedure with a
 * sensitive or unlabelled field (a PDF may print any of them), and every file of an application
 * that is not held by one of its data's fields labelled not sensitive (a file in a sensitive field,
 * a clerk's file, a file a correction replaced). Counts what it left out, per kind and procedure.
 * Files come ordered by application, so only the current application's references are kept.
 */
final class SensitiveFiles {

  private final SensitiveFields fields;
  private final HistoryService history;
  private final ApplicationData data;
  private final String tenantId;
  private final Map<String, Map<String, Integer>> excluded = new TreeMap<>();
  private String currentNumber;
  private String currentDefinition;
  private Set<UUID> currentOpenFiles;

  SensitiveFiles(SensitiveFields fields, HistoryService history, ApplicationData data, String tenantId) {
    this.fields = fields;
    this.history = history;
    this.data = data;
    this.tenantId = tenantId;
  }

  boolean document(FilesExport.FileRow file) {
    return counted("documents", file, !fields.anyIn(file.procedureKey(), definition(file)));
  }

  boolean attachment(FilesExport.FileRow file) {
    String definition = definition(file);
    if (currentOpenFiles == null) {
      try {
        currentOpenFiles = fields.filesInOpenFields(file.procedureKey(), definition, data.open(tenantId, file.payload()));
      } catch (IllegalArgumentException | IllegalStateException | ClassCastException unreadable) {
        throw new UnreadableApplication(file.number(), unreadable);
      }
    }
    return counted("attachments", file, currentOpenFiles.contains(file.id()));
  }

  /** Kind → procedure → files left out; empty when none were. */
  Map<String, Map<String, Integer>> excluded() {
    return excluded;
  }

  private boolean counted(String kind, FilesExport.FileRow file, boolean exported) {
    if (!exported) {
      excluded.computeIfAbsent(kind, key -> new TreeMap<>()).merge(file.procedureKey(), 1, Integer::sum);
    }
    return exported;
  }

  /** The version the application was filed with; null when the engine has no history of it (the latest is used). */
  private String definition(FilesExport.FileRow file) {
    if (!file.number().equals(currentNumber)) {
      currentNumber = file.number();
      currentOpenFiles = null;
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(file.processInstanceId()).tenantIdIn(tenantId).singleResult();
      currentDefinition = instance == null ? null : instance.getProcessDefinitionId();
    }
    return currentDefinition;
  }
}
