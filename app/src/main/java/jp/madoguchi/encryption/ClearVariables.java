package jp.madoguchi.encryption;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which variables of a procedure may be stored unencrypted: form fields labelled 機密性1 without
 * personal data (contract C2), so that the engine can still search them (e.g. road-damage's
 * {@code duplicateOf}). Everything else, a field without a label included, is encrypted. A deployed
 * procedure never changes, so its answer is kept.
 */
final class ClearVariables {

  private final FieldLabelSource labels;
  private final Map<String, Set<String>> byDefinition = new ConcurrentHashMap<>();

  ClearVariables(FieldLabelSource labels) {
    this.labels = labels;
  }

  boolean storedInClear(String processDefinitionId, String variableName) {
    if (processDefinitionId == null || variableName == null) {
      return false;
    }
    return byDefinition.computeIfAbsent(processDefinitionId, id -> labels.fieldLabels(id).entrySet().stream()
            .filter(entry -> entry.getValue().publicData())
            .map(Map.Entry::getKey)
            .collect(Collectors.toUnmodifiableSet()))
        .contains(variableName);
  }
}
