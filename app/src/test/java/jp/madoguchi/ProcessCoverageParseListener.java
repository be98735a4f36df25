package jp.madoguchi;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.EventType;

/**
 * Reports every flow node the engine enters and leaves and every sequence flow it takes to
 * {@link ProcessCoverageRecorder}. The flows out of an event-based gateway are never "taken" by the
 * engine (the event that fires continues the process), so they count when the event they lead to runs.
 */
final class ProcessCoverageParseListener extends AbstractBpmnParseListener {

  private final Map<String, String> flowIntoEventAfterGateway = new ConcurrentHashMap<>();

  @Override
  public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
    for (Element process : rootElement.elements("process")) {
      rememberFlowsOutOfEventBasedGateways(process.attribute("id"), process);
    }
    processDefinitions.forEach(this::instrument);
  }

  /** The engine makes no transitions of these flows, so they are read from the XML. */
  private void rememberFlowsOutOfEventBasedGateways(String processKey, Element scope) {
    Set<String> gateways = new HashSet<>();
    for (Element element : scope.elements()) {
      if ("eventBasedGateway".equals(element.getTagName())) {
        gateways.add(element.attribute("id"));
      } else if ("subProcess".equals(element.getTagName())) {
        rememberFlowsOutOfEventBasedGateways(processKey, element);
      }
    }
    for (Element flow : scope.elements("sequenceFlow")) {
      if (gateways.contains(flow.attribute("sourceRef"))) {
        flowIntoEventAfterGateway.put(processKey + "/" + flow.attribute("targetRef"), flow.attribute("id"));
      }
    }
  }

  private void instrument(ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      String type = String.valueOf(activity.getProperty("type"));
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
          (ExecutionListener) execution -> nodeEvent(execution, activity.getId(), type, EventType.START));
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
          (ExecutionListener) execution -> nodeEvent(execution, activity.getId(), type, EventType.END));
      for (PvmTransition outgoing : activity.getOutgoingTransitions()) {
        TransitionImpl transition = (TransitionImpl) outgoing;
        transition.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution ->
            report(execution, EventSource.SEQUENCE_FLOW, EventType.TAKE, transition.getId(), "sequenceFlow"));
      }
      instrument(activity);
    }
  }

  private void nodeEvent(DelegateExecution execution, String activityId, String elementType, EventType type) {
    // an event after the gateway is not started when it fires, only left: either counts
    String flow = flowIntoEventAfterGateway.get(definitionKey(execution) + "/" + activityId);
    if (flow != null) {
      report(execution, EventSource.SEQUENCE_FLOW, EventType.TAKE, flow, "sequenceFlow");
    }
    report(execution, EventSource.FLOW_NODE, type, activityId, elementType);
  }

  private static void report(DelegateExecution execution, EventSource source, EventType type, String elementId,
      String elementType) {
    ProcessCoverageRecorder.INSTANCE.addEvent(new Event(source, type, elementId, elementType,
        definitionKey(execution), System.currentTimeMillis()));
  }

  private static String definitionKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId.substring(0, definitionId.indexOf(':'));
  }
}
