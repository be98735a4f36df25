package jp.madoguchi;


import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * What the process tests ask of a process instance, in the style of camunda-bpm-assert's
 * BpmnAwareTests, on the engine's public API only, so the same tests run on Camunda and on Operaton
 * (whose assert library is not published for 1.0). {@link #task()} and {@link #job()} concern the
 * instance last given to {@link #assertThat(ProcessInstance)}; AssertJ's assertions come with it.
 */
public final class ProcessAssertions extends Assertions {

  private static ProcessEngine engine;
  private static ProcessInstance lastAsserted;

  private ProcessAssertions() {
  }

  public static void init(ProcessEngine processEngine) {
    engine = processEngine;
    lastAsserted = null;
  }

  public static InstanceAssert assertThat(ProcessInstance instance) {
    lastAsserted = instance;
    return new InstanceAssert(instance);
  }

  public static TaskAssert assertThat(Task task) {
    return new TaskAssert(task);
  }

  /** The one open task of the instance last asserted. */
  public static Task task() {
    return task(lastAsserted());
  }

  /** The one open task of the instance. */
  public static Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** The one job of the instance last asserted. */
  public static Job job() {
    return engine.getManagementService().createJobQuery().processInstanceId(lastAsserted().getId()).singleResult();
  }

  /** The job of the instance last asserted at this activity (a timer, an asynchronous step). */
  public static Job job(String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(lastAsserted().getId())
        .activityId(activityId).singleResult();
  }

  public static void execute(Job job) {
    Assertions.assertThat(job).as("a job to execute").isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  public static void complete(Task task) {
    complete(task, Map.of());
  }

  public static void complete(Task task, Map<String, Object> variables) {
    Assertions.assertThat(task).as("a task to complete").isNotNull();
    engine.getTaskService().complete(task.getId(), variables);
  }

  private static ProcessInstance lastAsserted() {
    Assertions.assertThat(lastAsserted).as("assertThat(processInstance) first").isNotNull();
    return lastAsserted;
  }

  /** Assertions on one process instance. */
  public static final class InstanceAssert {

    private final ProcessInstance instance;

    private InstanceAssert(ProcessInstance instance) {
      this.instance = instance;
    }

    /** The instance waits (among others) at every one of these activities. */
    public InstanceAssert isWaitingAt(String... activityIds) {
      List<String> active = engine.getRuntimeService().getActiveActivityIds(running().getId());
      Assertions.assertThat(active).as("activities %s waits at", instance.getId())
          .contains(activityIds);
      return this;
    }

    /** The instance has finished every one of these activities (or taken these flows' targets). */
    public InstanceAssert hasPassed(String... activityIds) {
      List<String> passed = engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).finished().list().stream()
          .map(HistoricActivityInstance::getActivityId).toList();
      Assertions.assertThat(passed).as("activities %s passed", instance.getId())
          .contains(activityIds);
      return this;
    }

    /** None of these activities has been reached. */
    public InstanceAssert hasNotPassed(String... activityIds) {
      List<String> reached = engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).list().stream().map(HistoricActivityInstance::getActivityId).toList();
      Assertions.assertThat(reached).as("activities %s reached", instance.getId()).doesNotContain(activityIds);
      return this;
    }

    public InstanceAssert isEnded() {
      var history = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(instance.getId()).singleResult();
      Assertions.assertThat(history).as("history of %s", instance.getId()).isNotNull();
      Assertions.assertThat(history.getEndTime()).as("%s has ended (still at %s)",
          instance.getId(), Arrays.toString(activeActivities())).isNotNull();
      return this;
    }

    public InstanceAssert isActive() {
      running();
      return this;
    }

    /** The instance's variables as they are now, or as they were when it ended. */
    public MapAssert<String, Object> variables() {
      boolean running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
          .count() > 0;
      if (running) {
        return Assertions.assertThat(engine.getRuntimeService().getVariables(instance.getId()));
      }
      Map<String, Object> ended = new HashMap<>();
      engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
          .forEach(variable -> ended.put(variable.getName(), variable.getValue()));
      return Assertions.assertThat(ended);
    }

    private ProcessInstance running() {
      ProcessInstance current = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(instance.getId()).singleResult();
      Assertions.assertThat(current).as("%s is running", instance.getId()).isNotNull();
      return current;
    }

    private String[] activeActivities() {
      ProcessInstance current = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(instance.getId()).singleResult();
      return current == null ? new String[0]
          : engine.getRuntimeService().getActiveActivityIds(current.getId()).toArray(String[]::new);
    }
  }

  /** Assertions on one task. */
  public static final class TaskAssert {

    private final Task task;

    private TaskAssert(Task task) {
      Assertions.assertThat(task).as("a task").isNotNull();
      this.task = task;
    }

    public TaskAssert hasCandidateGroup(String groupId) {
      List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .map(IdentityLink::getGroupId).toList();
      Assertions.assertThat(groups).as("candidate groups of %s", task.getTaskDefinitionKey())
          .contains(groupId);
      return this;
    }

    public TaskAssert hasName(String name) {
      Assertions.assertThat(task.getName()).as("name of %s", task.getTaskDefinitionKey()).isEqualTo(name);
      return this;
    }
  }
}
