package jp.madoguchi.security;

import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * What an outsider must not change of one application in the engine, read with the engine's own API:
 * the instance, its variables, tasks with their links, comments and local variables, attachments, jobs,
 * incidents, history row counts, and its procedure's definition and job definitions.
 */
final class EngineState {

  private EngineState() {
  }

  static Map<String, String> of(ProcessEngine engine, String instanceId) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    HistoryService history = engine.getHistoryService();
    ManagementService management = engine.getManagementService();
    Map<String, String> state = new TreeMap<>();
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    state.put("instance", instance == null ? "gone" : instance.getBusinessKey() + " suspended=" + instance.isSuspended());
    state.put("variables", instance == null ? "" : new TreeMap<>(runtime.getVariables(instanceId)).toString());
    for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).list()) {
      state.put("task " + task.getId(), String.join(" | ", task.getName(), String.valueOf(task.getAssignee()),
          String.valueOf(task.getOwner()), String.valueOf(task.getDueDate()), String.valueOf(task.getFollowUpDate()),
          String.valueOf(task.getPriority()), String.valueOf(task.getDescription()),
          String.valueOf(task.getDelegationState()), String.valueOf(task.isSuspended())));
      state.put("task links " + task.getId(), tasks.getIdentityLinksForTask(task.getId()).stream()
          .map(link -> link.getType() + ":" + link.getGroupId() + ":" + link.getUserId()).sorted().toList().toString());
      state.put("task comments " + task.getId(), tasks.getTaskComments(task.getId()).stream()
          .map(comment -> comment.getId() + ":" + comment.getFullMessage()).sorted().toList().toString());
      state.put("task variables " + task.getId(), new TreeMap<>(tasks.getVariablesLocal(task.getId())).toString());
    }
    state.put("instance comments", String.valueOf(tasks.getProcessInstanceComments(instanceId).size()));
    state.put("attachments", String.valueOf(tasks.getProcessInstanceAttachments(instanceId).size()));
    state.put("jobs", management.createJobQuery().processInstanceId(instanceId).list().stream()
        .map(job -> job.getId() + ":" + job.getRetries() + ":" + job.getDuedate() + ":" + job.isSuspended() + ":"
            + job.getPriority()).sorted().toList().toString());
    state.put("incidents", String.valueOf(runtime.createIncidentQuery().processInstanceId(instanceId).count()));
    HistoricProcessInstance past = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult();
    state.put("history", past.getState() + " ended=" + past.getEndTime() + " removal=" + past.getRemovalTime());
    state.put("history rows", history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count()
        + " variables, " + history.createHistoricDetailQuery().processInstanceId(instanceId).count() + " details, "
        + history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).count() + " tasks, "
        + history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).count() + " activities, "
        + history.createUserOperationLogQuery().processInstanceId(instanceId).count() + " operations");
    ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(past.getProcessDefinitionId());
    state.put("definition", definition.getKey() + " suspended=" + definition.isSuspended() + " ttl="
        + definition.getHistoryTimeToLive());
    state.put("job definitions", management.createJobDefinitionQuery().processDefinitionId(definition.getId()).list()
        .stream().map(job -> job.getId() + ":" + job.isSuspended() + ":" + job.getOverridingJobPriority()).sorted()
        .toList().toString());
    return state;
  }
}
