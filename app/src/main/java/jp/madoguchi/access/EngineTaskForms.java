package jp.madoguchi.access;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.procedure.FormField;
import jp.madoguchi.procedure.ProcedureForms;
import jp.madoguchi.staff.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The task as the signed-in user sees it (authorization and tenant checks on): through /engine-rest
 * the user of the Basic login, through the webapps the user of the Tasklist session. A task the user
 * cannot see is left to the engine, which answers it like an unknown id.
 */
@Component
class EngineTaskForms implements TaskFormFieldsOnly.TaskForms {


  private final TaskService tasks;
  private final IdentityService identity;
  private final ProcedureForms forms;

  EngineTaskForms(TaskService tasks, IdentityService identity, ProcedureForms forms) {
    this.tasks = tasks;
    this.identity = identity;
    this.forms = forms;
  }

  @Override
  public Optional<List<FormField>> editableFields(HttpServletRequest request, String taskId) {
    Task task = visibleTask(request, taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return Optional.empty();
    }
    CamundaFormRef formRef = task.getCamundaFormRef();
    if (formRef == null) {
      return Optional.of(List.of());
    }
    return Optional.of(forms.form(forms.deploymentOf(task.getProcessDefinitionId()), formRef.getKey()).fields()
        .stream().filter(field -> !field.readonly()).toList());
  }

  private Task visibleTask(HttpServletRequest request, String taskId) {
    if (identity.getCurrentAuthentication() != null) {
      return find(taskId);
    }
    String sessionUser = sessionUser(request);
    if (sessionUser == null) {
      return null;
    }
    identity.setAuthentication(new Authentication(sessionUser,
        identity.createGroupQuery().groupMember(sessionUser).list().stream().map(Group::getId).collect(Collectors.toList()),
        identity.createTenantQuery().userMember(sessionUser).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).collect(Collectors.toList())));
    try {
      return find(taskId);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task find(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
  }

  private static String sessionUser(HttpServletRequest request) {
    return WebappLogin.userId(request.getSession(false)).orElse(null);
  }
}
