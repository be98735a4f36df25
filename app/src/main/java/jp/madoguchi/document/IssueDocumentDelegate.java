package jp.madoguchi.document;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.application.ApplicationData;
import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ApplicationRepository;
import jp.madoguchi.procedure.FormSchema;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.ProcedureForms;
import jp.madoguchi.procedure.ProcedureLabels;
import jp.madoguchi.procedure.StepInputCheck;
import jp.madoguchi.procedure.StepInputs;
import jp.madoguchi.procedure.VariablesJson;
import jp.madoguchi.tenant.TenantRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The reusable "書類を発行" step: issues the layout {@code documentLayout} (a file in
 * {@code documents/}) for the running application with what it says now; the resident sees it on
 * the application's page, and its PDF, signed with the tenant's key, is produced when first opened. Optional {@code documentTitle} replaces the
 * layout's title. Mark the step {@code camunda:asyncBefore} so the step before stays fast and a
 * failure becomes a retried job rather than an error for the resident or clerk.
 */
@ProcedureBuildingBlock(value = "issueDocument", requiredInputs = IssueDocumentDelegate.LAYOUT)
class IssueDocumentDelegate implements JavaDelegate, StepInputCheck {

  static final String LAYOUT = "documentLayout";
  static final String TITLE = "documentTitle";
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private final DocumentLayouts layouts;
  private final Documents documents;
  private final ApplicationRepository applications;
  private final ApplicationData applicationData;
  private final TenantRepository tenants;
  private final ProcedureForms forms;
  private final ProcedureLabels labels;
  private final ObjectMapper json;
  private final Clock clock;

  IssueDocumentDelegate(DocumentLayouts layouts, Documents documents, ApplicationRepository applications,
      ApplicationData applicationData, TenantRepository tenants, ProcedureForms forms, ProcedureLabels labels,
      ObjectMapper json, Clock clock) {
    this.layouts = layouts;
    this.documents = documents;
    this.applications = applications;
    this.applicationData = applicationData;
    this.tenants = tenants;
    this.forms = forms;
    this.labels = labels;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String[] problem(String input, String written) {
    if (LAYOUT.equals(input) && layouts.find(written).isEmpty()) {
      String known = String.join(", ", layouts.ids());
      return new String[] {"書類の様式 documentLayout「" + written + "」はありません（使える様式：" + known + "）",
          "there is no documentLayout '" + written + "' (known: " + known + ")"};
    }
    return null;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = execution.getCurrentActivityId();
    Object layoutId = execution.getVariableLocal(LAYOUT);
    if (!(layoutId instanceof String id) || id.isBlank()) {
      throw StepInputs.modellingError("Issue document step " + step + " needs the input parameter '" + LAYOUT
          + "' (one of " + String.join(", ", layouts.ids()) + ")");
    }
    DocumentLayout layout = layouts.find(id).orElseThrow(() -> StepInputs.modellingError("Issue document step " + step
        + " names the unknown " + LAYOUT + " '" + id + "' (known: " + String.join(", ", layouts.ids()) + ")"));
    String tenantId = execution.getTenantId();
    ApplicationRecord application = applications.findByProcessInstance(tenantId, execution.getProcessInstanceId())
        .orElseThrow(() -> StepInputs.modellingError("Issue document step " + step
            + " runs before the application was registered"));
    Object title = execution.getVariableLocal(TITLE);
    String documentId = UUID.randomUUID().toString();
    var source = new DocumentComposer.Source(documentId,
        documents.verificationUrl(tenantId, UUID.fromString(documentId)),
        tenants.findById(tenantId).orElseThrow().name(), procedureName(execution), application.number(),
        application.submittedAt().atZone(JST), ZonedDateTime.now(clock).withZoneSameInstant(JST),
        title instanceof String text && !text.isBlank() ? text : layout.title(),
        VariablesJson.of(execution.getVariables(), json), applicationData.of(application), forms.startForm(execution),
        taskForms(execution), labels.procedureLabel(execution.getProcessDefinitionId()).japanese());
    documents.issue(tenantId, application.id(), execution.getProcessInstanceId(), step, layout, source,
        forms.deploymentOf(execution.getProcessDefinitionId()));
  }

  private static String procedureName(DelegateExecution execution) {
    Process process = execution.getBpmnModelInstance().getModelElementById(ProcedureForms.procedureKey(execution));
    return process.getName() == null ? process.getId() : process.getName();
  }

  /** The clerks' forms of this procedure, in the order the model lists its user tasks. */
  private List<FormSchema> taskForms(DelegateExecution execution) {
    Set<String> refs = new LinkedHashSet<>();
    for (UserTask task : execution.getBpmnModelInstance().getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() != null && !task.getCamundaFormRef().isBlank()) {
        refs.add(task.getCamundaFormRef());
      }
    }
    return refs.stream().map(ref -> forms.form(execution, ref)).toList();
  }
}
