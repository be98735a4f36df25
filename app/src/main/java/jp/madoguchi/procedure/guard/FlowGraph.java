package jp.madoguchi.procedure.guard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The paths a token can take through one process without the engine stopping. Each flow node is two
 * points, arriving and leaving; a wait state (a user task, a receive task, a message catch event or a
 * timer that waits at least 15 minutes) has no path from one to the other, so a loop of points is a loop
 * that never waits. Sequence flows come from their sourceRef and targetRef (the engine ignores incoming
 * and outgoing), a link throw event leads to the catch events of its name, a subprocess leads to its
 * start events and its ends lead out of it, and a boundary event is reached from the arrival at its
 * host: a conditional or error event can fire before the host waits.
 */
final class FlowGraph {

  private record Point(FlowNode node, boolean leaving) {
  }

  private final Map<Point, List<Point>> edges = new LinkedHashMap<>();
  private final List<FlowNode> documentOrder = new ArrayList<>();
  private final Map<String, List<FlowNode>> linkThrows = new HashMap<>();
  private final Map<String, List<FlowNode>> linkCatches = new HashMap<>();

  private FlowGraph() {
  }

  static FlowGraph of(Process process) {
    FlowGraph graph = new FlowGraph();
    graph.add(process.getFlowElements());
    graph.linkThrows.forEach((name, throwing) -> throwing.forEach(source -> graph.linkCatches.getOrDefault(name, List.of())
        .forEach(target -> graph.edge(leaving(source), arriving(target)))));
    return graph;
  }

  /** Each set of flow nodes a token can go round without waiting, in document order. */
  List<List<FlowNode>> loopsWithoutWaiting() {
    List<Point> finished = new ArrayList<>();
    Set<Point> seen = new HashSet<>();
    for (Point point : edges.keySet()) {
      if (seen.add(point)) {
        finish(point, seen, finished);
      }
    }
    Map<Point, List<Point>> reversed = new HashMap<>();
    edges.forEach((from, targets) -> targets.forEach(to -> reversed.computeIfAbsent(to, key -> new ArrayList<>()).add(from)));
    List<List<FlowNode>> loops = new ArrayList<>();
    Set<Point> placed = new HashSet<>();
    for (int i = finished.size() - 1; i >= 0; i--) {
      List<Point> component = component(finished.get(i), reversed, placed);
      if (component.size() > 1) {
        Set<FlowNode> nodes = new HashSet<>();
        component.forEach(point -> nodes.add(point.node()));
        loops.add(documentOrder.stream().filter(nodes::contains).toList());
      }
    }
    return loops;
  }

  private void add(Collection<FlowElement> elements) {
    Set<FlowNode> sources = new HashSet<>();
    for (FlowElement element : elements) {
      if (element instanceof SequenceFlow flow && flow.getSource() != null && flow.getTarget() != null) {
        sources.add(flow.getSource());
        edge(leaving(flow.getSource()), arriving(flow.getTarget()));
      } else if (element instanceof FlowNode node) {
        documentOrder.add(node);
        node(node);
      }
    }
    for (FlowElement element : elements) {
      if (element instanceof SubProcess subProcess) {
        for (FlowElement inner : subProcess.getFlowElements()) {
          if (inner instanceof StartEvent start) {
            edge(arriving(subProcess), arriving(start));
          }
        }
      }
      if (element instanceof FlowNode node && !sources.contains(node) && node.getParentElement() instanceof SubProcess parent) {
        edge(leaving(node), leaving(parent));
      }
    }
  }

  private void node(FlowNode node) {
    if (node instanceof SubProcess subProcess) {
      add(subProcess.getFlowElements());
    } else if (!waits(node)) {
      edge(arriving(node), leaving(node));
    }
    if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
      edge(arriving(boundary.getAttachedTo()), arriving(boundary));
    }
    for (LinkEventDefinition link : links(node)) {
      Map<String, List<FlowNode>> byName = node instanceof IntermediateThrowEvent ? linkThrows : linkCatches;
      byName.computeIfAbsent(String.valueOf(link.getName()), name -> new ArrayList<>()).add(node);
    }
  }

  /**
   * Where the engine stops and commits until a person, a message or a timer moves it on. An asynchronous
   * continuation is no such place: the job executor runs the next round at once. Nor is a timer that may
   * fire at once (PT0S, a past date, an expression), a conditional event whose condition holds, or a
   * signal the loop can throw itself. A timer on a user task moves the token on without the clerk, so the
   * task does not make a short timer a wait.
   */
  private static boolean waits(FlowNode node) {
    if (node instanceof UserTask || node instanceof ReceiveTask) {
      return true;
    }
    if (node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent) {
      Collection<EventDefinition> definitions = ((CatchEvent) node).getEventDefinitions();
      return !definitions.isEmpty() && definitions.stream().allMatch(definition -> definition instanceof MessageEventDefinition
          || definition instanceof TimerEventDefinition timer && TimerWaits.waitsLongEnough(timer));
    }
    return false;
  }

  private static List<LinkEventDefinition> links(FlowNode node) {
    Collection<EventDefinition> definitions = node instanceof IntermediateThrowEvent throwing ? throwing.getEventDefinitions()
        : node instanceof IntermediateCatchEvent catching ? catching.getEventDefinitions() : List.of();
    return definitions.stream().filter(LinkEventDefinition.class::isInstance).map(LinkEventDefinition.class::cast).toList();
  }

  private void edge(Point from, Point to) {
    edges.computeIfAbsent(from, key -> new ArrayList<>()).add(to);
    edges.computeIfAbsent(to, key -> new ArrayList<>());
  }

  private static Point arriving(FlowNode node) {
    return new Point(node, false);
  }

  private static Point leaving(FlowNode node) {
    return new Point(node, true);
  }

  /** Depth first without recursion (a model may be large), adding each point once all it leads to is done. */
  private void finish(Point start, Set<Point> seen, List<Point> finished) {
    Deque<Point> path = new ArrayDeque<>();
    Deque<Iterator<Point>> next = new ArrayDeque<>();
    path.push(start);
    next.push(edges.get(start).iterator());
    while (!path.isEmpty()) {
      if (next.peek().hasNext()) {
        Point point = next.peek().next();
        if (seen.add(point)) {
          path.push(point);
          next.push(edges.get(point).iterator());
        }
      } else {
        next.pop();
        finished.add(path.pop());
      }
    }
  }

  /** The points that reach {@code start}, among those not yet in a component (Kosaraju's second pass). */
  private static List<Point> component(Point start, Map<Point, List<Point>> reversed, Set<Point> placed) {
    List<Point> component = new ArrayList<>();
    Deque<Point> open = new ArrayDeque<>();
    if (placed.add(start)) {
      open.push(start);
    }
    while (!open.isEmpty()) {
      Point point = open.pop();
      component.add(point);
      for (Point from : reversed.getOrDefault(point, List.of())) {
        if (placed.add(from)) {
          open.push(from);
        }
      }
    }
    return component;
  }
}
