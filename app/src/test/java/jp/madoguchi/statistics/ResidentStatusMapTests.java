package jp.madoguchi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/** Which end events tell the resident status on their own, on the procedures that ship. */
class ResidentStatusMapTests {

  @Test
  void shouldReadTheStatusOfEveryPathIntoAnEndEvent() {
    ResidentStatusMap bulky = map("bulky-waste-collection");
    assertThat(bulky.settledStatus("Event_CollectionScheduled")).contains("承認");
    assertThat(bulky.settledStatus("Event_Rejected")).contains("却下");
    assertThat(bulky.settledStatus("Event_Withdrawn")).contains("取下げ");
    assertThat(bulky.settledStatus("Event_CorrectionExpired")).contains("取下げ");

    ResidentStatusMap certificate = map("resident-certificate");
    assertThat(certificate.settledStatus("Event_HandedOver")).contains("交付済み");
    assertThat(certificate.settledStatus("Event_IdentityExpired")).contains("取下げ");
    assertThat(certificate.settledStatus("Event_Mailed")).contains("交付済み");
  }

  @Test
  void shouldLeaveToTheHistoryAnEndThatABranchOfItsOwnReaches() {
    ResidentStatusMap child = map("child-allowance");
    assertThat(child.settledStatus("Event_OverdueChecked")).isEmpty();
    assertThat(child.settledStatus("Event_Approved")).contains("承認");
    assertThat(child.settledStatus(null)).isEmpty();
    assertThat(child.settledStatus("Task_ReviewApplication")).contains("審査中");
  }

  @Test
  void shouldLeaveEverythingToTheHistoryWhenMarkedStepsCanRunAtTheSameTime() {
    BpmnModelInstance parallel = Bpmn.createExecutableProcess("parallel").startEvent("Start")
        .parallelGateway("Fork")
        .serviceTask("Task_A").camundaExpression("${true}")
        .parallelGateway("Join")
        .endEvent("End")
        .moveToNode("Fork")
        .serviceTask("Task_B").camundaExpression("${true}")
        .connectTo("Join")
        .done();
    mark(parallel, "Task_A", "審査中");
    mark(parallel, "Task_B", "支払待ち");
    assertThat(new ResidentStatusMap(parallel).settledStatus("End")).isEmpty();
    assertThat(new ResidentStatusMap(parallel).statuses()).containsOnlyKeys("Task_A", "Task_B");
  }

  private static void mark(BpmnModelInstance model, String elementId, String status) {
    BaseElement element = model.getModelElementById(elementId);
    CamundaProperties properties = model.newInstance(CamundaProperties.class);
    CamundaProperty property = model.newInstance(CamundaProperty.class);
    property.setCamundaName("residentStatus");
    property.setCamundaValue(status);
    properties.addChildElement(property);
    element.builder().addExtensionElement(properties);
  }

  private static ResidentStatusMap map(String procedure) {
    return new ResidentStatusMap(Bpmn.readModelFromFile(Path.of("../processes", procedure + ".bpmn").toFile()));
  }
}
