package jp.madoguchi.enginerest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Whether the id an engine API path addresses ({@code /engine-rest}, also by engine name, or the
 * webapps' {@code /camunda/api/engine/engine/{name}}: a task, process instance (running, or in the
 * history), execution, job, incident or external task) is one the authenticated caller can see at all, asked with the
 * caller's own authorization and tenant checks. A job of no procedure (the engine's history cleanup)
 * is visible to everybody but nobody's to address.
 */
final class VisibleIds {

  private static final Pattern ADDRESSED = Pattern.compile(
      "^/?(?:engine/[^/]+/)?(task|process-instance|history/process-instance|execution|job|incident|external-task)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/.*)?$");

  /**
   * Two operations by an id of any shape on which Camunda 7.24, for an id that names nothing, fails
   * with a server error before it says so: a task's deployed form (a NullPointerException in its
   * authorization check) and a process definition's suspension (the same in its operation log).
   */
  private static final Pattern FAILS_ON_NOTHING = Pattern.compile(
      "^/?(?:engine/[^/]+/)?(?:(task)/([^/]+)/deployed-form|process-definition/(?!key/)([^/]+)/suspended)/?$");

  private VisibleIds() {
  }

  /** After a request failed: whether what it addressed is there for the caller, also by an id of any shape. */
  static boolean visibleAfterFailure(String path) {
    if (!visible(path)) {
      return false;
    }
    Matcher addressed = FAILS_ON_NOTHING.matcher(path);
    if (!addressed.matches()) {
      return true;
    }
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
    return addressed.group(1) != null ? engine.getTaskService().createTaskQuery().taskId(addressed.group(2)).count() > 0
        : engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(addressed.group(3)).count() > 0;
  }

  /** True unless the path addresses an id the caller cannot see. */
  static boolean visible(String path) {
    Matcher addressed = ADDRESSED.matcher(path);
    if (!addressed.matches()) {
      return true;
    }
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
    String id = addressed.group(2);
    return switch (addressed.group(1)) {
      case "task" -> engine.getTaskService().createTaskQuery().taskId(id).count() > 0;
      case "process-instance" -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0;
      case "history/process-instance" -> engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(id).count() > 0;
      case "execution" -> engine.getRuntimeService().createExecutionQuery().executionId(id).count() > 0;
      case "job" -> {
        Job job = engine.getManagementService().createJobQuery().jobId(id).singleResult();
        yield job != null && job.getProcessDefinitionKey() != null;
      }
      case "incident" -> engine.getRuntimeService().createIncidentQuery().incidentId(id).count() > 0;
      default -> engine.getExternalTaskService().createExternalTaskQuery().externalTaskId(id).count() > 0;
    };
  }
}
