package jp.madoguchi.encryption;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Reads the labels (form-js custom properties {@code confidentiality} and {@code personalData}) from
 * the Camunda Forms deployed with the procedure. Runs inside an engine command (a serializer asks),
 * so it reads the deployment through the command's own managers.
 */
final class FormFileFieldLabels implements FieldLabelSource {

  private final ObjectMapper json;

  FormFileFieldLabels(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Map<String, FieldLabel> fieldLabels(String processDefinitionId) {
    CommandContext command = Context.getCommandContext();
    ProcessDefinitionEntity definition = command.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId);
    Map<String, FieldLabel> labels = new HashMap<>();
    for (ResourceEntity resource : command.getResourceManager().findResourcesByDeploymentId(definition.getDeploymentId())) {
      if (resource.getName().endsWith(".form")) {
        try {
          collect(json.readTree(resource.getBytes()).path("components"), labels);
        } catch (IOException e) {
          throw new IllegalStateException("Form " + resource.getName() + " is not valid JSON", e);
        }
      }
    }
    return labels;
  }

  /** A key labelled differently in two forms of the procedure keeps the stricter label. */
  private static void collect(JsonNode components, Map<String, FieldLabel> labels) {
    for (JsonNode component : components) {
      JsonNode properties = component.path("properties");
      if (component.hasNonNull("key") && properties.has("confidentiality") && properties.has("personalData")) {
        FieldLabel label = new FieldLabel(properties.path("confidentiality").asInt(3),
            properties.path("personalData").asText("sensitive"));
        labels.merge(component.get("key").asText(), label,
            (first, second) -> first.publicData() ? second : first);
      }
      collect(component.path("components"), labels);
    }
  }
}
