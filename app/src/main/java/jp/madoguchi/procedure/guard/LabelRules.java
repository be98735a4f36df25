package jp.madoguchi.procedure.guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.procedure.ChatLabels;
import jp.madoguchi.procedure.ChatLabels.NotForChat;
import jp.madoguchi.procedure.FormLabels;
import jp.madoguchi.procedure.InformationLabel;
import jp.madoguchi.procedure.InformationLabel.PersonalData;
import jp.madoguchi.procedure.ProcedureProperties;
import jp.madoguchi.procedure.VariableLabels;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;

/**
 * Information labels (contracts C1, C2): the procedure declares its label and retention, every form
 * field its label; the procedure's label is at least as strict as each of its fields; personal data is
 * 機密性2 or above; a LINE notification carries no field or variable of 機密性2 or above, nor a variable
 * without a label; the engine keeps the history at least as long as the retention.
 */
final class LabelRules {

  private static final String NOTIFY_RESIDENT = "${notifyResident}";
  private static final Pattern DAYS = Pattern.compile("^(?:P)?(\\d{1,9})D?$");

  private LabelRules() {
  }

  /** Every keyed field of every form in the deployment carries a valid label. */
  static void checkForms(ParsedDeployment deployment, Reasons reasons) {
    for (ParsedDeployment.FormFile form : deployment.forms.values()) {
      for (FormLabels.Field field : FormLabels.fields(form.json())) {
        Optional<InformationLabel> label = field.label();
        if (label.isEmpty()) {
          reasons.add(form.name(), field.key(), "項目「" + field.text() + "」に情報区分がありません。properties に confidentiality（1・2・3）と "
              + "personalData（none・personal・sensitive）を設定してください", "field '" + field.key() + "' has no information "
              + "label; set the properties confidentiality (1, 2, 3) and personalData (none, personal, sensitive)");
        } else if (!personalDataIsProtected(label.get())) {
          reasons.add(form.name(), field.key(), "項目「" + field.text() + "」は個人情報なので機密性2以上にしてください",
              "field '" + field.key() + "' holds personal data, so its confidentiality must be 2 or 3");
        }
      }
    }
  }

  static void check(ProcessView view, ParsedDeployment deployment, Set<String> buildingBlocks, Reasons reasons) {
    String file = view.file();
    Map<String, String> properties = view.properties();
    Optional<InformationLabel> declared = InformationLabel.parse(properties.get(ProcedureProperties.CONFIDENTIALITY),
        properties.get(ProcedureProperties.PERSONAL_DATA));
    if (declared.isEmpty()) {
      reasons.add(file, view.id(), "手続の情報区分を設定してください：プロセスのプロパティ confidentiality（1・2・3）と personalData"
          + "（none・personal・sensitive）", "set the procedure's information label: process properties confidentiality "
          + "(1, 2, 3) and personalData (none, personal, sensitive)");
    } else if (!personalDataIsProtected(declared.get())) {
      reasons.add(file, view.id(), "個人情報を扱う手続は機密性2以上にしてください", "a procedure with personal data must be confidentiality 2 or 3");
    }
    Integer years = retentionYears(properties.get(ProcedureProperties.RETENTION_YEARS));
    if (years == null) {
      reasons.add(file, view.id(), "文書保存年限をプロセスのプロパティ retentionYears に年数（1〜100）で設定してください",
          "set the retention in years (1 to 100) as the process property retentionYears");
    } else {
      String timeToLive = view.process().getCamundaHistoryTimeToLiveString();
      Integer days = historyDays(timeToLive);
      if (days == null && timeToLive != null && !timeToLive.isBlank()) {
        reasons.add(file, view.id(), "履歴の保存期間 historyTimeToLive「" + timeToLive + "」を日数（例：3650 か P3650D）で書いてください",
            "write the history time to live '" + timeToLive + "' as days (e.g. 3650 or P3650D)");
      } else if (days != null && days < years * 365) {
        reasons.add(file, view.id(), "履歴の保存期間（" + days + "日）が文書保存年限（" + years + "年）より短くなっています",
            "the history time to live (" + days + " days) is shorter than the retention (" + years + " years)");
      }
    }
    Map<String, InformationLabel> fields = fieldLabels(view, deployment);
    variableLabels(view, reasons).forEach((name, label) -> fields.merge(name, label, InformationLabel::max));
    InformationLabel procedure = declared.orElse(InformationLabel.UNLABELLED);
    if (declared.isPresent()) {
      fields.forEach((key, label) -> {
        if (!procedure.covers(label)) {
          reasons.add(file, view.id(), "手続の情報区分（" + procedure.japanese() + "）が項目「" + key + "」（" + label.japanese()
              + "）より低くなっています", "the procedure's label (" + procedure.english() + ") is lower than field '" + key
              + "' (" + label.english() + ")");
        }
      });
    }
    chatMessages(view, fields, procedure, buildingBlocks, reasons);
  }

  /** The labels of the process's other variables (property variableLabels), each readable and protecting personal data. */
  private static Map<String, InformationLabel> variableLabels(ProcessView view, Reasons reasons) {
    String declared = view.properties().get(ProcedureProperties.VARIABLE_LABELS);
    for (VariableLabels.Entry entry : VariableLabels.entries(declared)) {
      if (entry.label().isEmpty()) {
        reasons.add(view.file(), view.id(), "プロセスのプロパティ variableLabels の「" + entry.text() + "」が読めません。"
            + "「変数名=機密性/個人情報」をカンマ区切りで書いてください（例：departmentName=1/none）",
            "variableLabels: cannot read '" + entry.text() + "'; write name=confidentiality/personalData, separated by "
            + "commas, e.g. departmentName=1/none");
      } else if (!personalDataIsProtected(entry.label().get())) {
        reasons.add(view.file(), view.id(), "変数「" + entry.name() + "」は個人情報なので機密性2以上にしてください",
            "variable '" + entry.name() + "' holds personal data, so its confidentiality must be 2 or 3");
      }
    }
    return VariableLabels.labels(declared);
  }

  private static void chatMessages(ProcessView view, Map<String, InformationLabel> fields, InformationLabel procedure,
      Set<String> buildingBlocks, Reasons reasons) {
    for (Task task : view.process().getModelInstance().getModelElementsByType(Task.class)) {
      String delegate = task.getAttributeValueNs(XmlFiles.CAMUNDA, "delegateExpression");
      if (!view.contains(task) || delegate == null || !NOTIFY_RESIDENT.equals(delegate.replaceAll("\\s", ""))) {
        continue;
      }
      for (CamundaInputParameter input : task.getModelInstance().getModelElementsByType(CamundaInputParameter.class)) {
        if (!"message".equals(input.getCamundaName()) || !owns(task, input)) {
          continue;
        }
        NotForChat refused = ChatLabels.notForChat(fields, procedure, buildingBlocks, input.getTextContent());
        if (!refused.confidential().isEmpty()) {
          String names = String.join(", ", refused.confidential());
          reasons.add(view.file(), task.getId(), "LINE の通知に機密性2以上の項目（" + names + "）は入れられません。"
              + "通知書（書類）や申請状況の画面で伝えてください", "a LINE message cannot carry fields of confidentiality 2 or "
              + "above (" + names + "); tell it in a document or on the status page");
        }
        for (String name : refused.unlabelled()) {
          reasons.add(view.file(), task.getId(), "LINE の通知で使う変数「" + name + "」に情報区分がありません。情報区分のない変数は"
              + "要配慮個人情報として扱うので、LINE では送れません。フォームの項目でない変数は、プロセスのプロパティ variableLabels に"
              + "「変数名=機密性/個人情報」で情報区分を書いてください（例：departmentName=1/none。個人情報を含む値は LINE に入れられません）",
              "the LINE message uses variable '" + name + "', which has no information label, so it counts as sensitive "
              + "personal data; label a variable that is no form field in the process property variableLabels as "
              + "name=confidentiality/personalData, e.g. departmentName=1/none (a value with personal data cannot go to LINE)");
        }
      }
    }
  }

  /** Labelled fields of the process's forms (a missing label is reported by itself); a list carries its fields' labels. */
  private static Map<String, InformationLabel> fieldLabels(ProcessView view, ParsedDeployment deployment) {
    Map<String, InformationLabel> labels = new LinkedHashMap<>();
    for (BaseElement element : view.formElements()) {
      String formRef = ProcessView.formRef(element);
      ParsedDeployment.FormFile form = formRef == null ? null : deployment.forms.get(formRef);
      for (FormLabels.Field field : form == null ? List.<FormLabels.Field>of() : FormLabels.fields(form.json())) {
        field.label().ifPresent(label -> {
          String key = field.key();
          labels.merge(key, label, InformationLabel::max);
          for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
            labels.merge(key.substring(0, dot), label, InformationLabel::max);
          }
        });
      }
    }
    return labels;
  }

  private static boolean owns(Task task, CamundaInputParameter input) {
    for (var current = input.getParentElement(); current != null; current = current.getParentElement()) {
      if (current == task) {
        return true;
      }
    }
    return false;
  }

  private static boolean personalDataIsProtected(InformationLabel label) {
    return label.personalData() == PersonalData.NONE || label.confidentiality() >= 2;
  }

  private static Integer retentionYears(String value) {
    if (value == null || !value.trim().matches("\\d{1,3}")) {
      return null;
    }
    int years = Integer.parseInt(value.trim());
    return years >= 1 && years <= 100 ? years : null;
  }

  private static Integer historyDays(String timeToLive) {
    Matcher days = timeToLive == null ? null : DAYS.matcher(timeToLive.trim());
    return days != null && days.matches() ? Integer.valueOf(days.group(1)) : null;
  }
}
