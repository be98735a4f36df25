package jp.madoguchi.export;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.madoguchi.application.ApplicationData;
import jp.madoguchi.export.KnownInstances.Known;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * What the engine keeps of each application, through its public API: {@code applications/tasks.json}
 * (every step a clerk worked: step, candidate groups, assignee, created, ended, how it ended),
 * {@code applications/comments.json} (clerks' comments: author, time, task; their free text only
 * with 要配慮個人情報) and {@code applications/variables.json} (the process variables besides the
 * application's own data: decisions, internal results; without 要配慮個人情報 only those a form
 * field of the procedure labels not sensitive). Applications in batches ({@link KnownInstances}):
 * tasks, their candidate groups ({@link CandidateGroups}) and variables asked for once per batch;
 * comments once per application and once per task (the engine has no query for many).
 */
@Component
class EngineRecordsExport {

  static final String TASKS = "applications/tasks.json";
  static final String COMMENTS = "applications/comments.json";
  static final String VARIABLES = "applications/variables.json";

  private final KnownInstances instances;
  private final BatchTasks batchTasks;
  private final HistoryService history;
  private final TaskService tasks;
  private final ApplicationData data;
  private final ObjectMapper json;

  EngineRecordsExport(KnownInstances instances, BatchTasks batchTasks, HistoryService history, TaskService tasks,
      ApplicationData data, ObjectMapper json) {
    this.instances = instances;
    this.batchTasks = batchTasks;
    this.history = history;
    this.tasks = tasks;
    this.data = data;
    this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** Writes the three files; returns the number of records of each. */
  Map<String, Long> write(ExportZip zip, String tenantId, SensitiveFields sensitive, boolean includeSensitive,
      long applications, ExportProgress progress) throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    progress.phase("tasks", applications);
    CandidateGroups candidateGroups = new CandidateGroups(batchTasks, history, tenantId);
    try (JsonArrayFile file = new JsonArrayFile(zip, TASKS, json)) {
      instances.forEachBatch(tenantId, progress, batch -> {
        Map<String, List<HistoricTaskInstance>> steps = batchTasks.byInstance(tenantId, batch);
        Map<String, List<String>> groups = candidateGroups.of(batch);
        for (Known application : batch) {
          for (HistoricTaskInstance task : steps.getOrDefault(application.processInstanceId(), List.of())) {
            file.add(task(application.number(), task, groups.getOrDefault(task.getId(), List.of())));
          }
        }
      });
      counts.put("tasks", file.count());
    }
    progress.phase("comments", applications);
    try (JsonArrayFile file = new JsonArrayFile(zip, COMMENTS, json)) {
      instances.forEachBatch(tenantId, progress, batch -> {
        Map<String, List<HistoricTaskInstance>> steps = batchTasks.byInstance(tenantId, batch);
        for (Known application : batch) {
          List<HistoricTaskInstance> applicationSteps = steps.getOrDefault(application.processInstanceId(), List.of());
          for (Comment comment : commentsOf(application.processInstanceId(), applicationSteps)) {
            HistoricTaskInstance step = applicationSteps.stream()
                .filter(task -> task.getId().equals(comment.getTaskId())).findFirst().orElse(null);
            file.add(comment(application.number(), comment, step, includeSensitive));
          }
        }
      });
      counts.put("comments", file.count());
    }
    progress.phase("variables", applications);
    try (JsonArrayFile file = new JsonArrayFile(zip, VARIABLES, json)) {
      instances.forEachBatch(tenantId, progress, batch -> {
        Map<String, List<HistoricVariableInstance>> byInstance = history.createHistoricVariableInstanceQuery()
            .processInstanceIdIn(batch.stream().map(Known::processInstanceId).toArray(String[]::new))
            .tenantIdIn(tenantId).disableCustomObjectDeserialization().orderByVariableName().asc().list().stream()
            .collect(Collectors.groupingBy(HistoricVariableInstance::getProcessInstanceId));
        for (Known application : batch) {
          List<HistoricVariableInstance> variables = byInstance.getOrDefault(application.processInstanceId(), List.of());
          if (!variables.isEmpty()) {
            writeVariables(file, application, variables, sensitive, includeSensitive, tenantId);
          }
        }
      });
      counts.put("variables", file.count());
    }
    return counts;
  }

  private void writeVariables(JsonArrayFile file, Known application,
      List<HistoricVariableInstance> variables, SensitiveFields sensitive, boolean includeSensitive, String tenantId)
      throws Exception {
    JsonNode own = opened(tenantId, application);
    for (HistoricVariableInstance variable : variables) {
      if (own.has(variable.getName()) || !includeSensitive
          && !sensitive.variableOpen(application.procedureKey(), application.processDefinitionId(), variable.getName())) {
        continue;
      }
      if (variable.getErrorMessage() != null) {
        throw new UnreadableApplication(application.number(), new IllegalStateException("variable " + variable.getName()));
      }
      Map<String, Object> element = new LinkedHashMap<>();
      element.put("application", application.number());
      element.put("name", variable.getName());
      element.put("type", variable.getTypeName());
      element.put("value", VariableValues.of(variable.getTypedValue(), json));
      element.put("taskId", variable.getTaskId());
      element.put("createdAt", ExportStore.inJst(variable.getCreateTime()));
      file.add(element);
    }
  }

  /** The application's own data: its fields are in applications.json, not repeated as variables. */
  private JsonNode opened(String tenantId, Known application) {
    try {
      return data.open(tenantId, application.payload());
    } catch (IllegalArgumentException | IllegalStateException unreadable) {
      throw new UnreadableApplication(application.number(), unreadable);
    }
  }

  /**
   * The comments on the instance and on each of its tasks, oldest first. Each task is asked on its
   * own: Tasklist's comment is on the task only (no process instance id), so the instance's comments
   * do not hold it, and the engine has no query for the comments of many tasks.
   */
  private List<Comment> commentsOf(String processInstanceId, List<HistoricTaskInstance> steps) {
    Map<String, Comment> comments = new LinkedHashMap<>();
    tasks.getProcessInstanceComments(processInstanceId).forEach(comment -> comments.put(comment.getId(), comment));
    for (HistoricTaskInstance step : steps) {
      tasks.getTaskComments(step.getId()).forEach(comment -> comments.putIfAbsent(comment.getId(), comment));
    }
    return comments.values().stream().sorted(Comparator.comparing(Comment::getTime)).toList();
  }

  private Map<String, Object> task(String number, HistoricTaskInstance task, List<String> candidateGroups) {
    Map<String, Object> element = new LinkedHashMap<>();
    element.put("application", number);
    element.put("taskId", task.getId());
    element.put("step", task.getTaskDefinitionKey());
    element.put("name", task.getName());
    element.put("candidateGroups", candidateGroups);
    element.put("assignee", task.getAssignee());
    element.put("createdAt", ExportStore.inJst(task.getStartTime()));
    element.put("endedAt", ExportStore.inJst(task.getEndTime()));
    // "completed", or why the engine ended it otherwise (e.g. the application was withdrawn)
    element.put("outcome", task.getDeleteReason());
    return element;
  }

  private static Map<String, Object> comment(String number, Comment comment, HistoricTaskInstance task,
      boolean includeSensitive) {
    Map<String, Object> element = new LinkedHashMap<>();
    element.put("application", number);
    element.put("id", comment.getId());
    element.put("author", comment.getUserId());
    element.put("time", ExportStore.inJst(comment.getTime()));
    element.put("taskId", comment.getTaskId());
    element.put("step", task == null ? null : task.getTaskDefinitionKey());
    if (includeSensitive) {
      element.put("text", comment.getFullMessage());
    }
    return element;
  }
}
