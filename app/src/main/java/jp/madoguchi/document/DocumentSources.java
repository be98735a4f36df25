package jp.madoguchi.document;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.procedure.FormSchema;
import jp.madoguchi.procedure.ProcedureForms;
import org.springframework.stereotype.Component;

/**
 * A document's content as it stood when the step issued it, kept (encrypted) until the PDF is
 * first produced, so that a later correction of the application never changes an issued document.
 * The forms are kept as references into their deployment, which never changes.
 */
@Component
class DocumentSources {

  private final ObjectMapper json;
  private final ProcedureForms forms;

  DocumentSources(ObjectMapper json, ProcedureForms forms) {
    this.json = json;
    this.forms = forms;
  }

  /** @param deploymentId the deployment the source's forms belong to */
  String write(DocumentComposer.Source source, String deploymentId) {
    ObjectNode node = json.createObjectNode()
        .put("documentId", source.documentId())
        .put("verificationUrl", source.verificationUrl())
        .put("tenantName", source.tenantName())
        .put("procedureName", source.procedureName())
        .put("applicationNumber", source.applicationNumber())
        .put("submittedAt", source.submittedAt().toString())
        .put("issuedAt", source.issuedAt().toString())
        .put("title", source.title())
        .put("deploymentId", deploymentId)
        .put("applyForm", source.applyForm().id())
        .put("informationLabel", source.informationLabel());
    node.set("variables", source.variables());
    node.set("data", source.data());
    ArrayNode decisionForms = node.putArray("decisionForms");
    source.decisionForms().forEach(form -> decisionForms.add(form.id()));
    return node.toString();
  }

  DocumentComposer.Source read(String text) {
    try {
      JsonNode node = json.readTree(text);
      String deploymentId = node.get("deploymentId").asText();
      List<FormSchema> decisionForms = new ArrayList<>();
      node.get("decisionForms").forEach(form -> decisionForms.add(forms.form(deploymentId, form.asText())));
      return new DocumentComposer.Source(node.get("documentId").asText(), node.get("verificationUrl").asText(),
          node.get("tenantName").asText(), node.get("procedureName").asText(), node.get("applicationNumber").asText(),
          ZonedDateTime.parse(node.get("submittedAt").asText()), ZonedDateTime.parse(node.get("issuedAt").asText()),
          node.get("title").asText(), (ObjectNode) node.get("variables"), node.get("data"),
          forms.form(deploymentId, node.get("applyForm").asText()), decisionForms,
          node.path("informationLabel").asText(null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored document source is not JSON", e);
    }
  }
}
