package jp.madoguchi.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Service;

/**
 * The resident-facing status, read from the engine history: every BPMN element a designer marks
 * with the extension property {@code residentStatus} adds a step to the timeline when the
 * instance reaches it. There is no status column anywhere else.
 */
@Service
public class ResidentStatusService {

  public static final String PROPERTY = "residentStatus";

  private final HistoryService history;
  private final RepositoryService repository;
  private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

  ResidentStatusService(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  public List<ResidentStatus> timeline(String tenantId, String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).tenantIdIn(tenantId).singleResult();
    if (instance == null) {
      return List.of();
    }
    BpmnModelInstance model = models.computeIfAbsent(instance.getProcessDefinitionId(), repository::getBpmnModelInstance);
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc()
        .list();
    List<ResidentStatus> timeline = new ArrayList<>();
    for (HistoricActivityInstance activity : activities) {
      residentStatusOf(model, activity.getActivityId()).ifPresent(status -> {
        ResidentStatus last = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
        if (last == null || !last.status().equals(status)) {
          timeline.add(new ResidentStatus(status, activity.getStartTime().toInstant(), activity.getActivityId()));
        }
      });
    }
    return timeline;
  }

  public Optional<ResidentStatus> current(String tenantId, String processInstanceId) {
    List<ResidentStatus> timeline = timeline(tenantId, processInstanceId);
    return timeline.isEmpty() ? Optional.empty() : Optional.of(timeline.get(timeline.size() - 1));
  }

  /** The residentStatus extension property of one BPMN element, if it has one. */
  public static Optional<String> residentStatusOf(BpmnModelInstance model, String elementId) {
    if (!(model.getModelElementById(elementId) instanceof BaseElement element)) {
      return Optional.empty();
    }
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> PROPERTY.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }
}
