package jp.madoguchi.procedure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Checks a clerk's task form on the server when the task is completed, whatever client completed
 * it (Tasklist, REST, a script): a decision without its required fields is refused with 400. What
 * the clerk entered is then added, as clerks read it, to the process variable {@code readable}
 * (e.g. {@code {{readable.startMonth}}} → 令和8年12月 in the next clerk's form).
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
    FormValidator.Result result = FormValidator.validate(form, VariablesJson.of(task.getVariables(), json), false);
    if (!result.valid()) {
      throw InvalidFormException.of(result.violations());
    }
    ObjectNode entered = ReadableValues.ofForm(form.definition(), result.data());
    if (!entered.isEmpty()) {
      DelegateExecution instance = task.getExecution().getProcessInstance();
      ObjectNode readable = recorded(instance.getVariable(ReadableValues.VARIABLE));
      readable.setAll(entered);
      instance.setVariableLocal(ReadableValues.VARIABLE, SpinValues.jsonValue(readable.toString()).create());
    }
  }

  private ObjectNode recorded(Object value) {
    if (value == null) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(value.toString());
      return node.isObject() ? (ObjectNode) node : json.createObjectNode();
    } catch (JsonProcessingException e) {
      return json.createObjectNode();
    }
  }
}
