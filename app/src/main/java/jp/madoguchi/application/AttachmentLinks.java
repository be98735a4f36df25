package jp.madoguchi.application;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jp.madoguchi.system.MadoguchiProperties;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What a clerk's Tasklist form needs to show the resident's files: the process variable
 * {@code attachmentLinks}, a JSON list of {n, url} pointing at the staff attachment endpoint
 * (absolute, as Tasklist's form-js needs for images and links). A form shows them with
 * {@code {{#loop attachmentLinks}}[添付{{n}}]({{url}}) {{/loop}}} or an image component whose
 * source is {@code {{attachmentLinks.0.url}}}.
 */
@Component
class AttachmentLinks {

  static final String VARIABLE = "attachmentLinks";

  private final String publicUrl;
  private final ObjectMapper json;

  AttachmentLinks(MadoguchiProperties properties, ObjectMapper json) {
    this.publicUrl = properties.publicUrl();
    this.json = json;
  }

  TypedValue of(String tenantId, List<UUID> attachmentIds) {
    ArrayNode links = json.createArrayNode();
    for (int i = 0; i < attachmentIds.size(); i++) {
      links.addObject().put("n", i + 1)
          .put("url", publicUrl + "/api/" + tenantId + "/admin/attachments/" + attachmentIds.get(i));
    }
    return SpinValues.jsonValue(links.toString()).create();
  }
}
