package jp.madoguchi.procedure;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Checks a clerk's task form on the server when the task is completed, whatever client completed
 * it (Tasklist, REST, a script): a decision without its required fields is refused with 400.
 */
class TaskFormValidation implements TaskListener {

  private final ProcedureForms forms;
  private final ObjectMapper json;

  TaskFormValidation(ProcedureForms forms, ObjectMapper json) {
    this.forms = forms;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    String formRef = task.getBpmnModelElementInstance().getCamundaFormRef();
    if (formRef == null || formRef.isBlank()) {
      return;
    }
    FormSchema form = forms.form(forms.deploymentOf(task.getProcessDefinitionId()), formRef);
    ObjectNode values = json.createObjectNode();
    for (Map.Entry<String, Object> variable : task.getVariables().entrySet()) {
      Object value = variable.getValue();
      values.set(variable.getKey(), value instanceof SpinJsonNode spin ? readSpin(spin) : json.valueToTree(value));
    }
    FormValidator.Result result = FormValidator.validate(form, values, false);
    if (!result.valid()) {
      throw InvalidFormException.of(result.violations());
    }
  }

  private com.fasterxml.jackson.databind.JsonNode readSpin(SpinJsonNode spin) {
    try {
      return json.readTree(spin.toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Spin JSON that Jackson cannot read", e);
    }
  }
}
