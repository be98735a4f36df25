package jp.madoguchi.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import jp.madoguchi.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A LINE notification whose message carries a field of 機密性2 or above, or a variable without a label,
 * is stopped before anything is queued, even for a procedure deployed before the deploy guard refused
 * such messages.
 */
class NotifyResidentLabelTests extends IntegrationTest {

  @Autowired @Qualifier("notifyResident") JavaDelegate notifyResident;
  @Autowired RepositoryService repository;

  @Test
  void shouldNotQueueAMessageWithTheResidentsPhoneNumber() {
    DelegateExecution execution = step("住所：${address}、電話：${phone}");

    assertThatThrownBy(() -> notifyResident.execute(execution))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Task_NotifyLegacy")
        .hasMessageContaining("[address, phone]")
        .hasMessageNotContaining("090");
  }

  @Test
  void shouldNotQueueAMessageWithAVariableWithoutALabel() {
    // mapUrl is no form field of bulky-waste-collection and carries no label: it counts as sensitive
    DelegateExecution execution = step("受付番号：${applicationNumber}、地図：${mapUrl}、収集日：${jst.date(collectionDate)}");

    assertThatThrownBy(() -> notifyResident.execute(execution))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("variables without a label")
        .hasMessageContaining("names [mapUrl]");
  }

  /** A legacy step of bulky-waste-collection whose message the engine already resolved with the resident's data. */
  private DelegateExecution step(String template) {
    String bpmn = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Legacy" targetNamespace="x">
          <bpmn:process id="legacy" isExecutable="true">
            <bpmn:serviceTask id="Task_NotifyLegacy" camunda:delegateExpression="${notifyResident}">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="message">%s</camunda:inputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
            </bpmn:serviceTask>
          </bpmn:process>
        </bpmn:definitions>""".formatted(template);
    FlowElement task = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)))
        .getModelElementById("Task_NotifyLegacy");
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getBpmnModelElementInstance()).thenReturn(task);
    when(execution.getCurrentActivityId()).thenReturn("Task_NotifyLegacy");
    when(execution.getProcessDefinitionId()).thenReturn(repository.createProcessDefinitionQuery()
        .processDefinitionKey("bulky-waste-collection").withoutTenantId().latestVersion().singleResult().getId());
    when(execution.getTenantId()).thenReturn(DEMO);
    when(execution.getVariableLocal("message")).thenReturn("住所：デモ市中央1-2-3、電話：090-1234-5678");
    return execution;
  }
}
