package jp.madoguchi.procedure;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Flow node and sequence flow coverage of a process by a set of test instances, read from the
 * engine history. The engine records activities, not flows: a flow counts as taken when its target
 * was reached right after its source (the nearest earlier activity that is a source of one of the
 * target's incoming flows).
 */
record ProcessCoverage(int flowNodes, int coveredFlowNodes, int sequenceFlows, int coveredSequenceFlows) {

  static ProcessCoverage of(ProcessEngine engine, String processKey, Collection<String> processInstanceIds) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
        .withoutTenantId().latestVersion().singleResult().getId();
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
    Set<String> reached = new HashSet<>();
    Set<String> taken = new HashSet<>();
    for (String instanceId : processInstanceIds) {
      List<HistoricActivityInstance> activities = engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(instanceId).orderByHistoricActivityInstanceStartTime().asc()
          .orderPartiallyByOccurrence().asc().list();
      for (int i = 0; i < activities.size(); i++) {
        String target = activities.get(i).getActivityId();
        reached.add(target);
        if (model.getModelElementById(target) instanceof FlowNode node) {
          taken.addAll(incomingTaken(node, activities.subList(0, i)));
        }
      }
    }
    long coveredNodes = nodes.stream().filter(node -> reached.contains(node.getId())).count();
    long coveredFlows = flows.stream().filter(flow -> taken.contains(flow.getId())).count();
    return new ProcessCoverage(nodes.size(), (int) coveredNodes, flows.size(), (int) coveredFlows);
  }

  private static Set<String> incomingTaken(FlowNode node, List<HistoricActivityInstance> before) {
    Collection<SequenceFlow> incoming = node.getIncoming();
    if (incoming.size() == 1) {
      return Set.of(incoming.iterator().next().getId());
    }
    for (int j = before.size() - 1; j >= 0; j--) {
      String source = before.get(j).getActivityId();
      for (SequenceFlow flow : incoming) {
        if (flow.getSource().getId().equals(source)) {
          return Set.of(flow.getId());
        }
      }
    }
    return Set.of();
  }

  double flowNodeRatio() {
    return (double) coveredFlowNodes / flowNodes;
  }

  double sequenceFlowRatio() {
    return (double) coveredSequenceFlows / sequenceFlows;
  }
}
