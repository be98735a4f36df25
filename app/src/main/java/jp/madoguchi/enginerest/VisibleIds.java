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

  private VisibleIds() {
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
