package jp.madoguchi.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/** The Camunda Forms deployed with a procedure, read once per deployment. */
@Component
public class ProcedureForms {

  private final RepositoryService repository;
  private final IdentityService identity;
  private final ObjectMapper json;
  private final Map<String, Map<String, FormSchema>> byDeployment = new ConcurrentHashMap<>();
  private final Map<String, FormSchema> startForms = new ConcurrentHashMap<>();
  private final Map<String, String> deploymentByDefinition = new ConcurrentHashMap<>();

  ProcedureForms(RepositoryService repository, IdentityService identity, ObjectMapper json) {
    this.repository = repository;
    this.identity = identity;
    this.json = json;
  }

  /** The resident's form of the running procedure. */
  public FormSchema startForm(DelegateExecution execution) {
    return startForm(execution.getProcessDefinitionId());
  }

  /**
   * The resident's form: the formRef of the process's none start event. A deployed definition never
   * changes, so it is looked up once per definition.
   */
  public FormSchema startForm(String processDefinitionId) {
    return usable(processDefinitionId, () -> startForms.computeIfAbsent(processDefinitionId, id -> {
      String formRef = asSystem(() -> repository.getBpmnModelInstance(id)
          .getModelElementsByType(StartEvent.class).stream()
          .filter(start -> start.getParentElement() instanceof Process)
          .map(StartEvent::getCamundaFormRef)
          .filter(ref -> ref != null && !ref.isBlank())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("Procedure " + id
              + " has no start event with a camunda:formRef (its apply form)")));
      return form(deploymentOf(id), formRef);
    }));
  }

  /** A deployment that cannot give its forms is reported as one thing: the procedure cannot be used. */
  private static FormSchema usable(String processDefinitionId, java.util.function.Supplier<FormSchema> lookup) {
    try {
      return lookup.get();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new ProcedureUnavailableException("Procedure " + processDefinitionId + " cannot be used: "
          + e.getMessage(), e);
    }
  }

  public FormSchema form(String deploymentId, String formId) {
    return find(deploymentId, formId).orElseThrow(() -> new ProcedureUnavailableException(
        "Form '" + formId + "' is not part of deployment " + deploymentId, null));
  }

  public java.util.Optional<FormSchema> find(String deploymentId, String formId) {
    return java.util.Optional.ofNullable(byDeployment.computeIfAbsent(deploymentId, this::load).get(formId));
  }

  /** A form deployed with the running procedure, e.g. a clerk's task form. */
  public FormSchema form(DelegateExecution execution, String formId) {
    return form(deploymentOf(execution.getProcessDefinitionId()), formId);
  }

  public static String procedureKey(DelegateExecution execution) {
    return processOf(execution.getBpmnModelElementInstance()).getId();
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance current = element;
    while (current != null && !(current instanceof Process)) {
      current = current.getParentElement();
    }
    if (current == null) {
      throw new IllegalStateException("Element is not inside a process");
    }
    return (Process) current;
  }

  /** The deployment a procedure's forms came with (deployments never change). */
  public String deploymentOf(String processDefinitionId) {
    return deploymentByDefinition.computeIfAbsent(processDefinitionId,
        id -> asSystem(() -> repository.getProcessDefinition(id).getDeploymentId()));
  }

  private Map<String, FormSchema> load(String deploymentId) {
    return asSystem(() -> {
      Map<String, FormSchema> forms = new HashMap<>();
      for (String name : repository.getDeploymentResourceNames(deploymentId)) {
        if (!name.endsWith(".form")) {
          continue;
        }
        try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
          FormSchema schema = FormSchema.parse(json.readTree(in));
          forms.put(schema.id(), schema);
        } catch (IOException e) {
          throw new IllegalStateException("Form " + name + " of deployment " + deploymentId + " is not valid JSON", e);
        }
      }
      return forms;
    });
  }

  /** Procedure files are not personal data; reading them must not depend on the caller's grants. */
  <T> T asSystem(java.util.function.Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return work.get();
    }
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
