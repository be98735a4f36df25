package jp.madoguchi.procedure.guard;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.Diagrams;
import jp.madoguchi.procedure.RefusalReason;

/**
 * The smallest procedure that passes every rule of the deploy guard, and a stand-in for the running
 * application (its beans, tenants and groups); the tests break one rule each.
 */
final class GuardSamples {

  static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Sample" targetNamespace="https://madoguchi.jp/procedures">
        <bpmn:process id="sample" name="見本の手続" isExecutable="true" camunda:historyTimeToLive="365">
          <bpmn:extensionElements>
            <camunda:properties>
              <camunda:property name="confidentiality" value="2" />
              <camunda:property name="personalData" value="personal" />
              <camunda:property name="retentionYears" value="1" />
            </camunda:properties>
          </bpmn:extensionElements>
          <bpmn:startEvent id="StartEvent_Submitted" name="申請を受信" camunda:formRef="sample-apply" camunda:formRefBinding="deployment">
            <bpmn:outgoing>Flow_ToRegister</bpmn:outgoing>
          </bpmn:startEvent>
          <bpmn:serviceTask id="Task_Register" name="受付登録" camunda:delegateExpression="${registerApplication}">
            <bpmn:incoming>Flow_ToRegister</bpmn:incoming>
            <bpmn:outgoing>Flow_ToReview</bpmn:outgoing>
          </bpmn:serviceTask>
          <bpmn:userTask id="Task_Review" name="審査" camunda:formRef="sample-review" camunda:formRefBinding="deployment" camunda:candidateGroups="citizen-section" camunda:dueDate="${jst.daysLater(5, 17)}">
            <bpmn:incoming>Flow_ToReview</bpmn:incoming>
            <bpmn:outgoing>Flow_ToNotify</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:serviceTask id="Task_Notify" name="結果を通知" camunda:delegateExpression="${notifyResident}">
            <bpmn:extensionElements>
              <camunda:inputOutput>
                <camunda:inputParameter name="message">受付番号：${applicationNumber}&#10;${answer}</camunda:inputParameter>
              </camunda:inputOutput>
            </bpmn:extensionElements>
            <bpmn:incoming>Flow_ToNotify</bpmn:incoming>
            <bpmn:outgoing>Flow_ToDone</bpmn:outgoing>
          </bpmn:serviceTask>
          <bpmn:endEvent id="Event_Done" name="完了">
            <bpmn:incoming>Flow_ToDone</bpmn:incoming>
          </bpmn:endEvent>
          <bpmn:sequenceFlow id="Flow_ToRegister" sourceRef="StartEvent_Submitted" targetRef="Task_Register" />
          <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="Task_Register" targetRef="Task_Review" />
          <bpmn:sequenceFlow id="Flow_ToNotify" sourceRef="Task_Review" targetRef="Task_Notify" />
          <bpmn:sequenceFlow id="Flow_ToDone" sourceRef="Task_Notify" targetRef="Event_Done">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${decision == 'approve'}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <!-- extra -->
        </bpmn:process>
        <bpmndi:BPMNDiagram id="Diagram_Sample">
          <bpmndi:BPMNPlane id="Plane_Sample" bpmnElement="sample">
            <bpmndi:BPMNShape id="StartEvent_Submitted_di" bpmnElement="StartEvent_Submitted"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Task_Register_di" bpmnElement="Task_Register"><dc:Bounds x="180" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Task_Review_di" bpmnElement="Task_Review"><dc:Bounds x="330" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Task_Notify_di" bpmnElement="Task_Notify"><dc:Bounds x="480" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Event_Done_di" bpmnElement="Event_Done"><dc:Bounds x="630" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="Flow_ToRegister_di" bpmnElement="Flow_ToRegister"><di:waypoint x="136" y="118" /><di:waypoint x="180" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="Flow_ToReview_di" bpmnElement="Flow_ToReview"><di:waypoint x="280" y="118" /><di:waypoint x="330" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="Flow_ToNotify_di" bpmnElement="Flow_ToNotify"><di:waypoint x="430" y="118" /><di:waypoint x="480" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="Flow_ToDone_di" bpmnElement="Flow_ToDone"><di:waypoint x="580" y="118" /><di:waypoint x="630" y="118" /></bpmndi:BPMNEdge>
            <!-- extra shapes -->
          </bpmndi:BPMNPlane>
        </bpmndi:BPMNDiagram>
      </bpmn:definitions>
      """;

  static final String APPLY_FORM = """
      {"id": "sample-apply", "type": "default", "components": [
        {"id": "Text_Intro", "type": "text", "text": "## 見本"},
        {"id": "Field_Kind", "type": "radio", "key": "kind", "label": "種類",
         "properties": {"confidentiality": "1", "personalData": "none"},
         "values": [{"label": "新規", "value": "new"}]},
        {"id": "Field_Address", "type": "textfield", "key": "address", "label": "住所",
         "properties": {"confidentiality": "2", "personalData": "personal"}},
        {"id": "List_Children", "type": "dynamiclist", "path": "children", "label": "児童", "components": [
          {"id": "Field_ChildName", "type": "textfield", "key": "name", "label": "児童の氏名",
           "properties": {"confidentiality": "2", "personalData": "personal"}}]}
      ]}
      """;

  static final String REVIEW_FORM = """
      {"id": "sample-review", "type": "default", "components": [
        {"id": "Text_InformationLabel", "type": "text", "text": "**情報区分：{{informationLabel}}**"},
        {"id": "Field_Decision", "type": "radio", "key": "decision", "label": "審査結果",
         "properties": {"document": "omit", "confidentiality": "1", "personalData": "none"},
         "values": [{"label": "承認", "value": "approve"}]},
        {"id": "Field_Answer", "type": "textarea", "key": "answer", "label": "回答",
         "properties": {"confidentiality": "1", "personalData": "none"}}
      ]}
      """;

  /** A stand-in for the application: building blocks, other beans, two tenants and their departments. */
  static final GuardEnvironment ENVIRONMENT = new GuardEnvironment() {
    @Override
    public Set<String> buildingBlocks() {
      return Set.of("registerApplication", "notifyResident", "jst", "issueDocument", "informMergedApplications",
          "mergeDuplicate");
    }

    @Override
    public Map<String, List<String>> requiredInputs() {
      return Map.of("notifyResident", List.of("message"), "issueDocument", List.of("documentLayout"),
          "informMergedApplications", List.of("messageName"), "mergeDuplicate", List.of("openTasks"));
    }

    /** issueDocument knows the layouts receipt and notice; the real blocks' checks are in their own tests. */
    @Override
    public String[] inputProblem(String block, String input, String written) {
      return "issueDocument".equals(block) && "documentLayout".equals(input) && !Set.of("receipt", "notice").contains(written)
          ? new String[] {"様式「" + written + "」はありません", "there is no documentLayout '" + written + "'"} : null;
    }

    @Override
    public boolean isApplicationBean(String name) {
      return buildingBlocks().contains(name) || Set.of("jdbcTemplate", "dataSource", "processEngine").contains(name);
    }

    @Override
    public boolean tenantExists(String tenantId) {
      return Set.of("demo", "kita").contains(tenantId);
    }

    @Override
    public boolean isGroupOfTenant(String groupId, String tenantId) {
      return switch (tenantId) {
        case "demo" -> Set.of("citizen-section", "waste-section", "road-section", "tenant-admin").contains(groupId);
        case "kita" -> Set.of("waste-section", "tenant-admin").contains(groupId);
        default -> false;
      };
    }
  };

  static final Candidate.Author DEMO_ADMIN = new Candidate.Author("demo-admin", List.of("tenant-admin"), List.of("demo"));
  static final Candidate.Author OPERATOR = new Candidate.Author("ops", List.of(jp.madoguchi.staff.StaffGroups.OPERATOR), List.of());

  private GuardSamples() {
  }

  static Map<String, byte[]> files(String bpmn, String applyForm, String reviewForm) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("sample.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    if (applyForm != null) {
      files.put("apply.form", applyForm.getBytes(StandardCharsets.UTF_8));
    }
    if (reviewForm != null) {
      files.put("review.form", reviewForm.getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  static Candidate candidate(String tenantId, Candidate.Author author, Map<String, byte[]> files) {
    return new Candidate("sample", tenantId, author, files);
  }

  static List<RefusalReason> reasons(String bpmn) {
    return reasons(bpmn, APPLY_FORM, REVIEW_FORM);
  }

  static List<RefusalReason> reasons(String bpmn, String applyForm, String reviewForm) {
    return ProcedureGuard.check(candidate("demo", null, files(bpmn, applyForm, reviewForm)), ENVIRONMENT).reasons();
  }

  /**
   * The sample with a loop after registration: Task_Register → Gateway_Again → {@code first} … {@code last} →
   * Gateway_Again → Task_Review, the given elements in between; drawn anew so that only the rule under test can fail.
   */
  static String withLoop(String elements, String first, String last) {
    String loop = "<bpmn:exclusiveGateway id=\"Gateway_Again\" name=\"再確認\" />" + elements
        + "<bpmn:sequenceFlow id=\"Flow_ToLoop\" sourceRef=\"Gateway_Again\" targetRef=\"" + first + "\" />"
        + "<bpmn:sequenceFlow id=\"Flow_BackToAgain\" sourceRef=\"" + last + "\" targetRef=\"Gateway_Again\" />"
        + "<bpmn:sequenceFlow id=\"Flow_AfterLoop\" sourceRef=\"Gateway_Again\" targetRef=\"Task_Review\" />";
    return Diagrams.drawn(BPMN.replace("sourceRef=\"Task_Register\" targetRef=\"Task_Review\"",
        "sourceRef=\"Task_Register\" targetRef=\"Gateway_Again\"").replace("<!-- extra -->", loop)
        .replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", ""));
  }

  /**
   * The sample deployed with a second procedure, {@code sample-part}: start → {@code element} (with the id
   * {@code Task_Part}) → end, for the rules that look across the processes of one deployment.
   */
  static List<RefusalReason> reasonsWithPart(String sample, String element) {
    String part = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Part" targetNamespace="https://madoguchi.jp/procedures">
          <bpmn:process id="sample-part" name="見本の一部" isExecutable="true" camunda:historyTimeToLive="365">
            <bpmn:extensionElements>
              <camunda:properties>
                <camunda:property name="confidentiality" value="2" />
                <camunda:property name="personalData" value="personal" />
                <camunda:property name="retentionYears" value="1" />
              </camunda:properties>
            </bpmn:extensionElements>
            <bpmn:startEvent id="StartEvent_Part" name="一部の開始" />
            %s
            <bpmn:endEvent id="Event_PartDone" name="一部の終了" />
            <bpmn:sequenceFlow id="Flow_ToPart" sourceRef="StartEvent_Part" targetRef="Task_Part" />
            <bpmn:sequenceFlow id="Flow_PartDone" sourceRef="Task_Part" targetRef="Event_PartDone" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(element);
    Map<String, byte[]> files = files(sample, APPLY_FORM, REVIEW_FORM);
    files.put("sample-part.bpmn", Diagrams.drawn(part).getBytes(StandardCharsets.UTF_8));
    return ProcedureGuard.check(candidate("demo", null, files), ENVIRONMENT).reasons();
  }

  /** Flow nodes added to the sample (subprocesses with their contents), drawn anew. */
  static String withElements(String elements) {
    return Diagrams.drawn(BPMN.replace("<!-- extra -->", elements)
        .replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", ""));
  }

  /** A flow node added to the sample, drawn so that only the rule under test can fail. */
  static String withElement(String element, String id) {
    return BPMN.replace("<!-- extra -->", element).replace("<!-- extra shapes -->", "<bpmndi:BPMNShape id=\"" + id
        + "_di\" bpmnElement=\"" + id + "\"><dc:Bounds x=\"300\" y=\"300\" width=\"100\" height=\"80\" /></bpmndi:BPMNShape>");
  }
}
