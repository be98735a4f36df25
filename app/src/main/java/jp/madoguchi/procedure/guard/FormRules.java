package jp.madoguchi.procedure.guard;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.procedure.ProcedureLabels;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Forms: every user task has a Camunda Form deployed with it (binding "deployment") that shows the
 * procedure's information label to the clerk, and the start event's form, if any, is deployed with
 * it too.
 */
final class FormRules {

  private static final Pattern BADGE = Pattern.compile("\\{\\{\\s*" + ProcedureLabels.LABEL_VARIABLE + "\\s*}}");

  private FormRules() {
  }

  static void check(ProcessView view, ParsedDeployment deployment, Reasons reasons) {
    String file = view.file();
    for (UserTask task : view.userTasks()) {
      if (ProcessView.formRef(task) == null) {
        reasons.add(file, task.getId(), "ユーザータスクにフォームがありません（camunda:formRef）",
            "the user task has no form (camunda:formRef)");
      }
    }
    for (BaseElement element : view.formElements()) {
      String formRef = ProcessView.formRef(element);
      if (formRef == null) {
        continue;
      }
      ParsedDeployment.FormFile form = deployment.forms.get(formRef);
      if (form == null) {
        reasons.add(file, element.getId(), "フォーム「" + formRef + "」がこのデプロイにありません。.form ファイルも一緒にデプロイしてください"
            + "（Modeler の Include additional files）", "form '" + formRef + "' is not in this deployment; deploy its "
            + ".form file together with the BPMN (Modeler: Include additional files)");
      } else if (element instanceof UserTask && !showsLabel(form.json())) {
        reasons.add(form.name(), formRef, "職員のフォームに情報区分の表示がありません。先頭に HTML ビュー「情報区分：{{"
            + ProcedureLabels.LABEL_VARIABLE + "}}」を置いてください", "the clerk's form does not show the information label; "
            + "put an HTML view with {{" + ProcedureLabels.LABEL_VARIABLE + "}} at its top");
      }
      if (!"deployment".equals(element.getAttributeValueNs(XmlFiles.CAMUNDA, "formRefBinding"))) {
        reasons.add(file, element.getId(), "camunda:formRefBinding を「deployment」にしてください（BPMN と一緒にデプロイしたフォームを使います）",
            "camunda:formRefBinding must be 'deployment' (the form deployed with the BPMN)");
      }
    }
  }

  private static boolean showsLabel(JsonNode form) {
    for (JsonNode component : form.path("components")) {
      String shown = switch (component.path("type").asText()) {
        case "html" -> component.path("content").asText("");
        case "text" -> component.path("text").asText("");
        default -> "";
      };
      if (BADGE.matcher(shown).find()) {
        return true;
      }
    }
    return false;
  }
}
