package jp.madoguchi.statistics;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.application.ResidentStatusService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * The resident statuses of one process definition. A finished instance's status is the status of
 * the last marked element it passed (as {@link ResidentStatusService} shows it to the resident).
 * When every path into an end event meets the same marked element last, the end event alone tells
 * the status, and a million finished instances are counted by their end event without reading
 * their history. Where concurrency or a loop without marks makes that uncertain, the answer is
 * empty and the history decides.
 */
final class ResidentStatusMap {

  private final BpmnModelInstance model;
  private final Map<String, String> statuses = new HashMap<>();
  private final boolean sequential;
  private final Map<String, Optional<String>> settled = new ConcurrentHashMap<>();

  ResidentStatusMap(BpmnModelInstance model) {
    this.model = model;
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      ResidentStatusService.residentStatusOf(model, node.getId()).ifPresent(status -> statuses.put(node.getId(), status));
    }
    this.sequential = isSequential();
  }

  /** Element id → the status the resident reads from it on. */
  Map<String, String> statuses() {
    return statuses;
  }

  /** The status an instance that ended at this element leaves the resident with; empty when only its history can tell. */
  Optional<String> settledStatus(String endActivityId) {
    if (!sequential || endActivityId == null) {
      return Optional.empty();
    }
    return settled.computeIfAbsent(endActivityId, this::walkBack);
  }

  private Optional<String> walkBack(String endActivityId) {
    if (!(model.getModelElementById(endActivityId) instanceof FlowNode end)) {
      return Optional.empty();
    }
    Deque<FlowNode> queue = new ArrayDeque<>(List.of(end));
    Set<String> seen = new HashSet<>(Set.of(end.getId()));
    Set<String> found = new HashSet<>();
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      String status = statuses.get(node.getId());
      if (status != null) {
        found.add(status);
        continue;
      }
      Collection<FlowNode> before = predecessors(node);
      if (before == null || before.isEmpty()) {
        return Optional.empty(); // a boundary that forks, a sub-process, or a path without any mark
      }
      for (FlowNode previous : before) {
        if (seen.add(previous.getId())) {
          queue.add(previous);
        }
      }
    }
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
  }

  private static Collection<FlowNode> predecessors(FlowNode node) {
    if (node instanceof BoundaryEvent boundary) {
      return boundary.cancelActivity() ? List.of(boundary.getAttachedTo()) : null;
    }
    if (node instanceof SubProcess || node.getParentElement() instanceof SubProcess) {
      return null;
    }
    return node.getIncoming().stream().map(SequenceFlow::getSource).toList();
  }

  /**
   * True when no two marked elements can be active at the same time: no forking gateways,
   * implicit forks, multi-instance activities or event sub-processes, and every branch a
   * non-interrupting boundary event starts carries no mark.
   */
  private boolean isSequential() {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node instanceof ParallelGateway || node instanceof InclusiveGateway || node instanceof ComplexGateway
          || node instanceof SubProcess sub && sub.triggeredByEvent()
          || node instanceof Activity activity && activity.getLoopCharacteristics() != null
          || !(node instanceof Gateway) && node.getOutgoing().size() > 1
          || node instanceof BoundaryEvent boundary && !boundary.cancelActivity() && reachesMark(boundary)) {
        return false;
      }
    }
    return true;
  }

  private boolean reachesMark(FlowNode start) {
    Deque<FlowNode> queue = new ArrayDeque<>(List.of(start));
    Set<String> seen = new HashSet<>(Set.of(start.getId()));
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      if (statuses.containsKey(node.getId())) {
        return true;
      }
      for (SequenceFlow flow : node.getOutgoing()) {
        if (seen.add(flow.getTarget().getId())) {
          queue.add(flow.getTarget());
        }
      }
    }
    return false;
  }
}
