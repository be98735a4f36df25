package jp.madoguchi.export;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.procedure.InformationLabel;
import jp.madoguchi.procedure.InformationLabel.PersonalData;
import jp.madoguchi.procedure.ProcedureLabels;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Takes the fields labelled 要配慮個人情報 (personalData=sensitive) out of an application's data,
 * by the labels of the version it was filed with; a field without a label counts as sensitive
 * (as everywhere in Madoguchi). Inside a list the inner field's label is looked up by its path.
 * Remembers what it took out, per procedure, for the manifest.
 */
final class SensitiveFields {

  private final ProcedureLabels labels;
  private final RepositoryService repository;
  private final String tenantId;
  private final Map<String, Map<String, InformationLabel>> byDefinition = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> excluded = new ConcurrentHashMap<>();

  SensitiveFields(ProcedureLabels labels, RepositoryService repository, String tenantId) {
    this.labels = labels;
    this.repository = repository;
    this.tenantId = tenantId;
  }

  /** Removes the sensitive fields from {@code data} (a fresh copy read for the export). */
  void remove(String procedureKey, String processDefinitionId, ObjectNode data) {
    Map<String, InformationLabel> fieldLabels = byDefinition.computeIfAbsent(
        processDefinitionId != null ? processDefinitionId : "key:" + procedureKey,
        id -> labels.fieldLabels(processDefinitionId != null ? processDefinitionId : latestDefinition(procedureKey)));
    Set<String> removed = excluded.computeIfAbsent(procedureKey, key -> new TreeSet<>());
    for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (sensitive(fieldLabels.get(field.getKey()))) {
        synchronized (removed) {
          removed.add(field.getKey());
        }
        fields.remove();
      } else if (field.getValue().isArray()) {
        for (JsonNode element : field.getValue()) {
          if (element instanceof ObjectNode inner) {
            for (Iterator<String> names = inner.fieldNames(); names.hasNext(); ) {
              String path = field.getKey() + "." + names.next();
              if (sensitive(fieldLabels.get(path))) {
                synchronized (removed) {
                  removed.add(path);
                }
                names.remove();
              }
            }
          }
        }
      }
    }
  }

  Map<String, Set<String>> excluded() {
    return excluded;
  }

  private static boolean sensitive(InformationLabel label) {
    return label == null || label.personalData() == PersonalData.SENSITIVE;
  }

  private String latestDefinition(String procedureKey) {
    ProcessDefinition own = repository.createProcessDefinitionQuery().processDefinitionKey(procedureKey)
        .tenantIdIn(tenantId).latestVersion().singleResult();
    ProcessDefinition definition = own != null ? own : repository.createProcessDefinitionQuery()
        .processDefinitionKey(procedureKey).withoutTenantId().latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("No definition of procedure " + procedureKey + " is deployed");
    }
    return definition.getId();
  }
}
