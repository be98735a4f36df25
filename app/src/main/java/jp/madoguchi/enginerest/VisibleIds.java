package jp.madoguchi.enginerest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Whether the id a /engine-rest path addresses (a task, process instance or execution) is one the
 * authenticated caller can see at all, asked with the caller's own authorization and tenant checks.
 */
final class VisibleIds {

  private static final Pattern ADDRESSED = Pattern.compile(
      "^/?(task|process-instance|execution)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/.*)?$");

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
      default -> engine.getRuntimeService().createExecutionQuery().executionId(id).count() > 0;
    };
  }
}
