package jp.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the coverage events of the engine for the {@link ProcessCoverage} class that is running
 * (test classes run one after another in the shared context). Events of other classes and of other
 * processes are dropped.
 */
final class ProcessCoverageRecorder implements Collector {

  static final ProcessCoverageRecorder INSTANCE = new ProcessCoverageRecorder();
  private static final Logger log = LoggerFactory.getLogger(ProcessCoverageRecorder.class);

  private volatile Recording recording;

  private ProcessCoverageRecorder() {
  }

  Recording start(String suiteName, Set<String> processKeys) {
    Recording started = new Recording(suiteName, processKeys);
    recording = started;
    return started;
  }

  void stop() {
    recording = null;
  }

  @Override
  public void addEvent(Event event) {
    Recording current = recording;
    if (current != null) {
      current.add(event);
    }
  }

  /** The coverage of one test class. */
  static final class Recording {

    private final Set<String> processKeys;
    private final Map<String, Set<String>> elementsByKey = new ConcurrentHashMap<>();
    private final DefaultCollector collector = new DefaultCollector(this::model);
    private final Suite suite;
    private volatile boolean running;

    private Recording(String suiteName, Set<String> processKeys) {
      this.processKeys = processKeys;
      this.suite = collector.createSuite(new Suite(suiteName, suiteName));
      collector.activateSuite(suiteName);
    }

    void startRun(String name) {
      String id = suite.getId() + "#" + name;
      collector.createRun(new Run(id, name), suite.getId());
      collector.activateRun(id);
      running = true;
    }

    void endRun() {
      running = false;
    }

    private void add(Event event) {
      if (running && processKeys.contains(event.getModelKey())) {
        collector.addEvent(event);
      }
    }

    DefaultCollector collector() {
      return collector;
    }

    /** Share of the procedure's flow nodes and sequence flows that the class ran through; 0 if none. */
    double coverage(String key) {
      return models(key).stream().mapToDouble(suite::calculateCoverage).max().orElse(0);
    }

    void assertCoveredAtLeast(String key, double atLeast) {
      double coverage = coverage(key);
      Set<String> missed = missed(key);
      log.info("Process test coverage of {} in {}: {}%, not reached: {}", key, suite.getName(),
          Math.round(coverage * 1000) / 10.0, missed);
      assertThat(coverage)
          .as("coverage of %s's flow nodes and sequence flows in %s (not reached: %s; report in %s)", key,
              suite.getName(), coverage == 0 ? "no instance ran" : missed, ProcessCoverageExtension.REPORT_DIR)
          .isGreaterThanOrEqualTo(atLeast);
    }

    /** Ids of the flow nodes and sequence flows that no test of the class reached. */
    Set<String> missed(String key) {
      Set<String> missed = new TreeSet<>(elementsByKey.getOrDefault(key, Set.of()));
      suite.getEventsDistinct(key).forEach(event -> missed.remove(event.getDefinitionKey()));
      return missed;
    }

    private List<Model> models(String key) {
      List<Model> models = new ArrayList<>();
      for (Model model : collector.getModels()) {
        if (model.getKey().equals(key)) {
          models.add(model);
        }
      }
      return models;
    }

    /**
     * The definition of the execution that reported the event, not "the latest with this key": a
     * tenant may have its own version of a shared procedure.
     */
    private Model model(String key) {
      var execution = Context.getBpmnExecutionContext().getExecution();
      BpmnModelInstance bpmn = execution.getBpmnModelInstance();
      Set<String> elements = new TreeSet<>();
      Collection<FlowNode> nodes = bpmn.getModelElementsByType(FlowNode.class);
      for (FlowNode node : nodes) {
        if (inProcess(node, key)) {
          elements.add(node.getId());
        }
      }
      for (SequenceFlow flow : bpmn.getModelElementsByType(SequenceFlow.class)) {
        if (elements.contains(flow.getSource().getId())) {
          elements.add(flow.getId());
        }
      }
      elementsByKey.put(key, elements);
      return new Model(key, elements.size(), execution.getProcessDefinition().getVersionTag(), Bpmn.convertToString(bpmn));
    }

    private static boolean inProcess(ModelElementInstance element, String key) {
      for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
        if (current instanceof Process process) {
          return process.getId().equals(key);
        }
      }
      return false;
    }
  }
}
