package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.Diagrams;
import jp.madoguchi.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The element template "住民に見せる状況" (set-resident-status.json) works on every element type it
 * applies to: the resident's timeline shows the word when the instance reaches such an element.
 */
class ResidentStatusElementsTests extends IntegrationTest {

  private static final String PROCESS = "resident-status-probe";
  /**
   * One element of each type the template applies to, each with its own status word; deployed for demo
   * only, with a diagram and a clerk's form so that it passes the deploy guard.
   */
  private static final String MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="https://madoguchi.jp/test">
        <bpmn:process id="resident-status-probe" name="状況の確認" isExecutable="true" camunda:historyTimeToLive="365" camunda:isStartableInTasklist="false">
          <bpmn:extensionElements><camunda:properties>
            <camunda:property name="confidentiality" value="1" /><camunda:property name="personalData" value="none" />
            <camunda:property name="retentionYears" value="1" />
          </camunda:properties></bpmn:extensionElements>
          <bpmn:startEvent id="StartEvent_Probe" name="開始" />
          <bpmn:intermediateThrowEvent id="Event_Marker" name="書類を確認中">%s</bpmn:intermediateThrowEvent>
          <bpmn:subProcess id="SubProcess_Check" name="確認">%s
            <bpmn:startEvent id="StartEvent_Check" name="確認開始" />
            <bpmn:endEvent id="Event_CheckDone" name="確認終了" />
            <bpmn:sequenceFlow id="Flow_InCheck" sourceRef="StartEvent_Check" targetRef="Event_CheckDone" />
          </bpmn:subProcess>
          <bpmn:userTask id="Task_Review" name="審査" camunda:formRef="resident-status-probe-review" camunda:formRefBinding="deployment" camunda:candidateGroups="waste-section">%s</bpmn:userTask>
          <bpmn:boundaryEvent id="Event_Withdrawn" name="取下げ" attachedToRef="Task_Review">%s
            <bpmn:messageEventDefinition id="MessageDefinition_Withdrawn" messageRef="Message_Withdraw" />
          </bpmn:boundaryEvent>
          <bpmn:endEvent id="Event_WithdrawnEnd" name="取下げ終了" />
          <bpmn:intermediateCatchEvent id="Event_Visit" name="来庁を待つ">%s
            <bpmn:messageEventDefinition id="MessageDefinition_Visit" messageRef="Message_Visit" />
          </bpmn:intermediateCatchEvent>
          <bpmn:endEvent id="Event_Done" name="完了">%s</bpmn:endEvent>
          <bpmn:sequenceFlow id="Flow_ToMarker" sourceRef="StartEvent_Probe" targetRef="Event_Marker" />
          <bpmn:sequenceFlow id="Flow_ToCheck" sourceRef="Event_Marker" targetRef="SubProcess_Check" />
          <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="SubProcess_Check" targetRef="Task_Review" />
          <bpmn:sequenceFlow id="Flow_ToVisit" sourceRef="Task_Review" targetRef="Event_Visit" />
          <bpmn:sequenceFlow id="Flow_ToDone" sourceRef="Event_Visit" targetRef="Event_Done" />
          <bpmn:sequenceFlow id="Flow_ToWithdrawnEnd" sourceRef="Event_Withdrawn" targetRef="Event_WithdrawnEnd" />
        </bpmn:process>
        <bpmn:message id="Message_Withdraw" name="ProbeWithdraw" />
        <bpmn:message id="Message_Visit" name="ProbeVisit" />
      </bpmn:definitions>
      """.formatted(status("書類を確認中"), status("確認中"), status("審査中"), status("取下げ"), status("来庁待ち"),
      status("完了"));

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ResidentStatusService statuses;

  @BeforeAll
  static void deployForDemoOnly(@Autowired RepositoryService repository) {
    repository.createDeployment().name(PROCESS).tenantId(DEMO).addString(PROCESS + ".bpmn", Diagrams.drawn(MODEL))
        .addString("review.form", REVIEW_FORM).deploy();
  }

  @Test
  void shouldShowTheStatusOfEveryElementTypeTheTemplateAppliesTo() throws IOException {
    ProcessInstance instance = start();
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    runtime.createMessageCorrelation("ProbeVisit").processInstanceId(instance.getId()).correlate();

    assertThat(words(instance)).containsExactly("書類を確認中", "確認中", "審査中", "来庁待ち", "完了");
    assertThat(elementTypesWithStatus()).containsAll(templateAppliesTo());
  }

  @Test
  void shouldShowTheStatusOfABoundaryEvent() {
    ProcessInstance instance = start();
    runtime.createMessageCorrelation("ProbeWithdraw").processInstanceId(instance.getId()).correlate();

    assertThat(words(instance)).containsExactly("書類を確認中", "確認中", "審査中", "取下げ");
  }

  private ProcessInstance start() {
    return runtime.createProcessInstanceByKey(PROCESS).processDefinitionTenantId(DEMO).execute();
  }

  private List<String> words(ProcessInstance instance) {
    return statuses.timeline(DEMO, instance.getId()).stream().map(ResidentStatus::status).toList();
  }

  private static List<String> elementTypesWithStatus() {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(MODEL.getBytes(StandardCharsets.UTF_8)));
    List<String> types = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (ResidentStatusService.residentStatusOf(model, node.getId()).isPresent()) {
        String name = node.getElementType().getTypeName();
        types.add("bpmn:" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
      }
    }
    return types;
  }

  private static List<String> templateAppliesTo() throws IOException {
    List<String> types = new ArrayList<>();
    new ObjectMapper().readTree(Path.of("../processes/.camunda/element-templates/set-resident-status.json").toFile())
        .path("appliesTo").forEach(type -> types.add(type.asText()));
    return types;
  }

  private static final String REVIEW_FORM = """
      {"id": "resident-status-probe-review", "components": [
        {"id": "Text_InformationLabel", "type": "text", "text": "情報区分：{{informationLabel}}"}]}""";

  private static String status(String word) {
    return "<bpmn:extensionElements><camunda:properties><camunda:property name=\"residentStatus\" value=\"" + word
        + "\" /></camunda:properties></bpmn:extensionElements>";
  }
}
