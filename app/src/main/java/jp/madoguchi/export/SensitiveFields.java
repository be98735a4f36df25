package jp.madoguchi.export;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
 * Remembers what it took out, per procedure, for the manifest. Also says which files may carry
 * such a field.
 */
final class SensitiveFields {

  private final ProcedureLabels labels;
  private final RepositoryService repository;
  private final String tenantId;
  private final Map<String, Map<String, InformationLabel>> byDefinition = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> excluded = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> excludedVariables = new ConcurrentHashMap<>();

  SensitiveFields(ProcedureLabels labels, RepositoryService repository, String tenantId) {
    this.labels = labels;
    this.repository = repository;
    this.tenantId = tenantId;
  }

  /** Removes the sensitive fields from {@code data} (a fresh copy read for the export). */
  void remove(String procedureKey, String processDefinitionId, ObjectNode data) {
    Map<String, InformationLabel> fieldLabels = fieldLabels(procedureKey, processDefinitionId);
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

  /**
   * Whether a process variable may go into an export without 要配慮個人情報: only when a form field
   * of the procedure labels it not sensitive. Remembers the names it refused, per procedure.
   */
  boolean variableOpen(String procedureKey, String processDefinitionId, String name) {
    if (!sensitive(fieldLabels(procedureKey, processDefinitionId).get(name))) {
      return true;
    }
    Set<String> refused = excludedVariables.computeIfAbsent(procedureKey, key -> new TreeSet<>());
    synchronized (refused) {
      refused.add(name);
    }
    return false;
  }

  Map<String, Set<String>> excludedVariables() {
    return excludedVariables;
  }

  /** Whether the procedure (the version filed with) has a sensitive or unlabelled field anywhere in its forms. */
  boolean anyIn(String procedureKey, String processDefinitionId) {
    return fieldLabels(procedureKey, processDefinitionId).values().stream().anyMatch(SensitiveFields::sensitive);
  }

  /**
   * The file ids {@code data} holds in fields that are not sensitive, less any id a sensitive field
   * holds as well. A file no field of the data refers to is not among them (its field is unknown).
   */
  Set<UUID> filesInOpenFields(String procedureKey, String processDefinitionId, JsonNode data) {
    Map<String, InformationLabel> fieldLabels = fieldLabels(procedureKey, processDefinitionId);
    Set<UUID> open = new HashSet<>();
    Set<UUID> closed = new HashSet<>();
    data.fields().forEachRemaining(field -> {
      if (sensitive(fieldLabels.get(field.getKey()))) {
        collectIds(field.getValue(), closed);
      } else if (field.getValue().isArray()) {
        for (JsonNode element : field.getValue()) {
          if (element.isObject()) {
            element.fields().forEachRemaining(inner -> collectIds(inner.getValue(),
                sensitive(fieldLabels.get(field.getKey() + "." + inner.getKey())) ? closed : open));
          } else {
            collectIds(element, open);
          }
        }
      } else {
        collectIds(field.getValue(), open);
      }
    });
    open.removeAll(closed);
    return open;
  }

  private static void collectIds(JsonNode value, Set<UUID> ids) {
    if (value.isTextual()) {
      try {
        ids.add(UUID.fromString(value.asText()));
      } catch (IllegalArgumentException notAnId) {
        // an ordinary text, not a file reference
      }
    } else {
      value.forEach(inner -> collectIds(inner, ids));
    }
  }

  private Map<String, InformationLabel> fieldLabels(String procedureKey, String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId != null ? processDefinitionId : "key:" + procedureKey,
        id -> labels.fieldLabels(processDefinitionId != null ? processDefinitionId : latestDefinition(procedureKey)));
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
