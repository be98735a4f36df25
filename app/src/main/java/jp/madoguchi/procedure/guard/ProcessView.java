package jp.madoguchi.procedure.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.madoguchi.procedure.ProcedureProperties;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** One executable process of a BPMN file, with the elements the procedure rules look at. */
record ProcessView(String file, Process process, Map<String, String> properties, List<UserTask> userTasks,
    List<BaseElement> formElements) {

  static List<ProcessView> of(ParsedDeployment.BpmnFile file) {
    List<ProcessView> views = new ArrayList<>();
    for (Process process : file.model().getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      List<UserTask> tasks = file.model().getModelElementsByType(UserTask.class).stream()
          .filter(task -> inside(task, process)).toList();
      List<BaseElement> withForms = new ArrayList<>(tasks);
      file.model().getModelElementsByType(StartEvent.class).stream().filter(start -> inside(start, process))
          .forEach(withForms::add);
      views.add(new ProcessView(file.name(), process, ProcedureProperties.of(process), tasks, withForms));
    }
    return views;
  }

  String id() {
    return process.getId();
  }

  boolean contains(ModelElementInstance element) {
    return inside(element, process);
  }

  static String formRef(BaseElement element) {
    return element.getAttributeValueNs(XmlFiles.CAMUNDA, "formRef");
  }

  private static boolean inside(ModelElementInstance element, Process process) {
    for (ModelElementInstance current = element.getParentElement(); current != null; current = current.getParentElement()) {
      if (current == process) {
        return true;
      }
    }
    return false;
  }
}
