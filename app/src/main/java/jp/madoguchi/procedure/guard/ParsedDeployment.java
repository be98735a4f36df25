package jp.madoguchi.procedure.guard;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.procedure.FormDefinitionException;
import jp.madoguchi.procedure.FormSchema;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Document;

/**
 * The files of one deployment, read: BPMN (as Camunda's model and as plain XML), DMN and Camunda
 * Forms by form id. A file that cannot be read, or of a kind procedures do not use, is a reason.
 */
final class ParsedDeployment {

  private static final ObjectMapper JSON = new ObjectMapper();

  record BpmnFile(String name, BpmnModelInstance model, Document xml) {
  }

  record DmnFile(String name, Document xml) {
  }

  record FormFile(String name, String id, JsonNode json) {
  }

  final List<BpmnFile> bpmn = new ArrayList<>();
  final List<DmnFile> dmn = new ArrayList<>();
  final Map<String, FormFile> forms = new LinkedHashMap<>();

  static ParsedDeployment parse(Map<String, byte[]> resources, Reasons reasons) {
    ParsedDeployment parsed = new ParsedDeployment();
    resources.forEach((name, bytes) -> parsed.read(name, bytes, reasons));
    return parsed;
  }

  private void read(String name, byte[] bytes, Reasons reasons) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
      readBpmn(name, bytes, reasons);
    } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
      try {
        dmn.add(new DmnFile(name, XmlFiles.parse(bytes)));
      } catch (Exception e) {
        reasons.add(name, null, "DMN として読めません。Camunda Modeler で保存し直してください",
            "not a readable DMN file; save it again with Camunda Modeler");
      }
    } else if (lower.endsWith(".form")) {
      readForm(name, bytes, reasons);
    } else {
      reasons.add(name, null, "手続に使えないファイルです。BPMN（.bpmn）、DMN（.dmn）、Camunda Forms（.form）だけをデプロイしてください",
          "not a file procedures use; deploy only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form)");
    }
  }

  private void readBpmn(String name, byte[] bytes, Reasons reasons) {
    try {
      Document xml = XmlFiles.parse(bytes);
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
      bpmn.add(new BpmnFile(name, model, xml));
    } catch (Exception e) {
      reasons.add(name, null, "BPMN として読めません。Camunda Modeler で保存し直してください",
          "not a readable BPMN 2.0 file; save it again with Camunda Modeler");
    }
  }

  private void readForm(String name, byte[] bytes, Reasons reasons) {
    JsonNode json;
    try {
      json = JSON.readTree(bytes);
    } catch (Exception e) {
      reasons.add(name, null, "Camunda Forms の JSON として読めません", "not a readable Camunda Forms JSON file");
      return;
    }
    String id = json == null ? "" : json.path("id").asText("");
    if (id.isBlank()) {
      reasons.add(name, null, "フォームに id がありません（BPMN の camunda:formRef で参照する名前です）",
          "the form has no id (the name camunda:formRef refers to)");
    } else if (forms.containsKey(id)) {
      reasons.add(name, null, "フォームの id「" + id + "」が " + forms.get(id).name() + " と重なっています",
          "form id '" + id + "' is also used by " + forms.get(id).name());
    } else {
      forms.put(id, new FormFile(name, id, json));
      checkRules(name, json, reasons);
    }
  }

  /** Every rule the server enforces must be readable now, not when the first resident submits. */
  private static void checkRules(String name, JsonNode json, Reasons reasons) {
    try {
      FormSchema.parse(json);
    } catch (FormDefinitionException e) {
      reasons.add(name, e.field(), e.messageJa(), e.getMessage());
    }
  }
}
