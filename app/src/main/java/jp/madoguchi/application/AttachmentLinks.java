package jp.madoguchi.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jp.madoguchi.attachment.Attachments;
import jp.madoguchi.publicurl.PublicUrl;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What a clerk's Tasklist form needs to show the resident's files: the process variable
 * {@code attachmentLinks}, a JSON list of {n, url, image} pointing at the staff attachment endpoint
 * (absolute, as Tasklist's form-js needs for images). A form shows the photos inline and links
 * every file with
 * {@code {{#loop attachmentLinks}}{{#if image}}[![{{n}}枚目]({{url}})]({{url}}){{else}}[添付{{n}}]({{url}}){{/if}}{{/loop}}}.
 * Also the variable {@code uploadPageUrl}: the page where staff add a file to the application (e.g. the
 * photo of a finished repair, required by the building block {@code requireStaffFile}).
 */
@Component
class AttachmentLinks {

  static final String VARIABLE = "attachmentLinks";
  static final String UPLOAD_PAGE_VARIABLE = "uploadPageUrl";

  private final PublicUrl publicUrl;
  private final Attachments attachments;
  private final ObjectMapper json;

  AttachmentLinks(PublicUrl publicUrl, Attachments attachments, ObjectMapper json) {
    this.publicUrl = publicUrl;
    this.attachments = attachments;
    this.json = json;
  }

  String uploadPage(String tenantId, String applicationNumber) {
    return staffApi(tenantId) + "applications/" + applicationNumber + "/upload";
  }

  TypedValue of(String tenantId, List<UUID> attachmentIds) {
    Map<UUID, String> types = attachments.contentTypes(tenantId, attachmentIds);
    ArrayNode links = json.createArrayNode();
    for (int i = 0; i < attachmentIds.size(); i++) {
      UUID id = attachmentIds.get(i);
      links.addObject().put("n", i + 1)
          .put("url", staffApi(tenantId) + "attachments/" + id)
          .put("image", types.getOrDefault(id, "").startsWith("image/"));
    }
    return SpinValues.jsonValue(links.toString()).create();
  }

  private String staffApi(String tenantId) {
    return publicUrl.base() + "/api/" + tenantId + "/admin/";
  }
}
