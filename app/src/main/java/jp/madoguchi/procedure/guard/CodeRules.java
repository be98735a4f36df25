package jp.madoguchi.procedure.guard;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * A deployment cannot bring code: no script tasks, scripts (listeners, conditions, input/output
 * mappings, external script files), Java classes, the engine's built-in task types ({@code camunda:type}:
 * shell commands, mail, external workers), embedded HTML forms, connectors, or references to another
 * tenant's definitions. Only the building blocks and ${...} expressions remain.
 */
final class CodeRules {

  private CodeRules() {
  }

  static void check(ParsedDeployment.BpmnFile file, Reasons reasons) {
    String name = file.name();
    for (Element element : XmlFiles.elements(file.xml())) {
      String owner = XmlFiles.owner(element);
      String local = element.getLocalName();
      boolean bpmn = XmlFiles.BPMN.equals(element.getNamespaceURI());
      boolean camunda = XmlFiles.CAMUNDA.equals(element.getNamespaceURI());
      if (XmlFiles.isOtherEngineNamespace(element.getNamespaceURI())) {
        otherEngineNamespace(name, owner, element.getNamespaceURI(), reasons);
        continue;
      }
      if (bpmn && "scriptTask".equals(local)) {
        reasons.add(name, owner, "スクリプトタスクは使えません。要素テンプレートの部品（サービスタスク）を使ってください",
            "script tasks are not allowed; use a building block from the element templates (a service task)");
      } else if (camunda && "script".equals(local)) {
        if (element.hasAttribute("resource")) {
          reasons.add(name, owner, "外部のスクリプトファイル（resource）は使えません", "external script files (resource) are not allowed");
        } else {
          reasons.add(name, owner, "スクリプト（camunda:script）は使えません。${...} の式か部品を使ってください",
              "scripts (camunda:script) are not allowed; use a ${...} expression or a building block");
        }
        continue;
      } else if (camunda && "connector".equals(local)) {
        reasons.add(name, owner, "コネクタ（camunda:connector、外部への HTTP 呼び出し）は使えません",
            "connectors (camunda:connector, outgoing HTTP calls) are not allowed");
      } else if (camunda && "formData".equals(local)) {
        reasons.add(name, owner, "生成フォーム（camunda:formData）は使えません。Camunda Forms（camunda:formRef）を使ってください",
            "generated forms (camunda:formData) are not allowed; use a Camunda Form (camunda:formRef)");
      }
      if (!(bpmn && "scriptTask".equals(local)) && (element.hasAttribute("language") || element.hasAttribute("scriptFormat"))) {
        reasons.add(name, owner, "スクリプト言語の条件式は使えません。${...} の式で書いてください",
            "conditions in a script language are not allowed; write a ${...} expression");
      }
      attributes(name, owner, element, camunda, reasons);
    }
  }

  private static void attributes(String name, String owner, Element element, boolean camundaElement, Reasons reasons) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (XmlFiles.isOtherEngineNamespace(attribute.getNamespaceURI())) {
        otherEngineNamespace(name, owner, attribute.getNamespaceURI(), reasons);
        continue;
      }
      boolean camunda = XmlFiles.CAMUNDA.equals(attribute.getNamespaceURI())
          || camundaElement && attribute.getNamespaceURI() == null;
      if (!camunda) {
        continue;
      }
      if (local.equals("class") || local.endsWith("Class")) {
        reasons.add(name, owner, "Java クラスの指定（" + local + "）は使えません。camunda:delegateExpression=\"${部品の名前}\" を使ってください",
            "Java classes (" + local + ") are not allowed; use camunda:delegateExpression=\"${building block}\"");
      } else if (local.equals("type") && XmlFiles.CAMUNDA.equals(attribute.getNamespaceURI())) {
        reasons.add(name, owner, "組み込みのタスク種別（camunda:type=\"" + attribute.getValue() + "\"：OS のコマンド実行、"
            + "メール送信、外部ワーカー）は使えません。要素テンプレートの部品を使ってください",
            "built-in task types (camunda:type=\"" + attribute.getValue() + "\": operating-system commands, mail, "
            + "external workers) are not allowed; use a building block from the element templates");
      } else if (local.equals("resource")) {
        reasons.add(name, owner, "外部のスクリプトファイル（camunda:resource）は使えません",
            "external script files (camunda:resource) are not allowed");
      } else if (local.equals("formKey")) {
        reasons.add(name, owner, "埋め込みフォーム（camunda:formKey）は使えません。Camunda Forms（camunda:formRef）を使ってください",
            "embedded forms (camunda:formKey) are not allowed; use a Camunda Form (camunda:formRef)");
      } else if (local.endsWith("TenantId")) {
        reasons.add(name, owner, "他のテナントの定義は参照できません（" + local + "）",
            "definitions of another tenant cannot be referenced (" + local + ")");
      }
    }
  }

  private static void otherEngineNamespace(String name, String owner, String namespace, Reasons reasons) {
    reasons.add(name, owner, "拡張は camunda: で書いてください（" + namespace + " の拡張は使えません）",
        "extensions in " + namespace + " are not allowed; write them as camunda: (" + XmlFiles.CAMUNDA + ")");
  }
}
