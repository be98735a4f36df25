package jp.madoguchi.procedure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

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
    FormValidator.Result result = FormValidator.validate(form, VariablesJson.of(task.getVariables(), json), false);
    if (!result.valid()) {
      throw InvalidFormException.of(result.violations());
    }
  }
}
