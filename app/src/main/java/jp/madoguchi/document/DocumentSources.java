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
import org.springframework.stereotype.Component;

/**
 * A document's content as it stood when the step issued it, kept (encrypted) until the PDF is
 * first produced, so that a later correction of the application never changes an issued document.
 */
@Component
class DocumentSources {

  private final ObjectMapper json;

  DocumentSources(ObjectMapper json) {
    this.json = json;
  }

  String write(DocumentComposer.Source source) {
    ObjectNode node = json.createObjectNode()
        .put("documentId", source.documentId())
        .put("verificationUrl", source.verificationUrl())
        .put("tenantName", source.tenantName())
        .put("procedureName", source.procedureName())
        .put("applicationNumber", source.applicationNumber())
        .put("submittedAt", source.submittedAt().toString())
        .put("issuedAt", source.issuedAt().toString())
        .put("title", source.title());
    node.set("variables", source.variables());
    node.set("data", source.data());
    node.set("applyForm", source.applyForm().definition());
    ArrayNode decisionForms = node.putArray("decisionForms");
    source.decisionForms().forEach(form -> decisionForms.add(form.definition()));
    return node.toString();
  }

  DocumentComposer.Source read(String text) {
    try {
      JsonNode node = json.readTree(text);
      List<FormSchema> decisionForms = new ArrayList<>();
      node.get("decisionForms").forEach(form -> decisionForms.add(FormSchema.parse(form)));
      return new DocumentComposer.Source(node.get("documentId").asText(), node.get("verificationUrl").asText(),
          node.get("tenantName").asText(), node.get("procedureName").asText(), node.get("applicationNumber").asText(),
          ZonedDateTime.parse(node.get("submittedAt").asText()), ZonedDateTime.parse(node.get("issuedAt").asText()),
          node.get("title").asText(), (ObjectNode) node.get("variables"), node.get("data"),
          FormSchema.parse(node.get("applyForm")), decisionForms);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored document source is not JSON", e);
    }
  }
}
