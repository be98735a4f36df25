package jp.madoguchi.application;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.attachment.Attachment;
import jp.madoguchi.attachment.Attachments;
import jp.madoguchi.procedure.FormSchema;
import jp.madoguchi.procedure.FormValidator;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.ProcedureForms;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a resident changes in a submitted application (submitting is {@link ResidentSubmissions}' job):
 * a correction while a 差戻し waits for one, a withdrawal while the procedure accepts one. Every method
 * takes the resident's LINE user id from a verified ID token, and optionally the page's
 * {@code clientRequestId}: the same request sent again with it (its answer lost) is not done twice
 * and not refused, it finds the application as the first one left it.
 */
@Service
public class ResidentApplicationCommands {

  private final OwnApplications own;
  private final ResidentActions actions;
  private final RuntimeService runtime;
  private final ProcedureForms forms;
  private final Attachments attachments;
  private final ApplicationData applicationData;
  private final CorrectionVariables correctionVariables;
  private final ResidentActionRequests requests;

  ResidentApplicationCommands(OwnApplications own, ResidentActions actions, RuntimeService runtime,
      ProcedureForms forms, Attachments attachments, ApplicationData applicationData,
      CorrectionVariables correctionVariables, ResidentActionRequests requests) {
    this.own = own;
    this.actions = actions;
    this.runtime = runtime;
    this.forms = forms;
    this.attachments = attachments;
    this.applicationData = applicationData;
    this.correctionVariables = correctionVariables;
    this.requests = requests;
  }

  /**
   * The resident's corrected data, checked against the apply form, continues the waiting process and
   * replaces the earlier data there: a field it has no value for (left empty, or hidden by its
   * condition) is no process variable any more.
   */
  @Transactional
  public void correct(String tenantId, String userId, String number, ObjectNode data, UUID clientRequestId) {
    ApplicationRecord application = own.lock(tenantId, userId, number);
    if (clientRequestId != null && !requests.firstTime(application, clientRequestId, ResidentActions.CORRECT)) {
      return;
    }
    actions.require(application, ResidentActions.CORRECT,
        "この申請は現在修正できません (the application is not waiting for a correction)");
    String definitionId = runtime.createProcessInstanceQuery().processInstanceId(application.processInstanceId())
        .singleResult().getProcessDefinitionId();
    FormSchema applyForm = forms.startForm(definitionId);
    FormValidator.Result result = FormValidator.validate(applyForm, data);
    if (!result.valid()) {
      throw InvalidFormException.of(result.violations());
    }
    List<UUID> attached = AttachmentReferences.in(applyForm, result.data());
    List<UUID> alreadyLinked = attachments.ofApplication(tenantId, application.id()).stream().map(Attachment::id).toList();
    attachments.linkToApplication(tenantId, userId, application.id(),
        attached.stream().filter(id -> !alreadyLinked.contains(id)).toList());
    JsonNode before = applicationData.of(application);
    var variables = correctionVariables.of(application, definitionId, applyForm, before, result.data(), attached);
    applicationData.replace(application, result.data());
    // before the correlation: what runs on from the catch event (gateways, documents) must not read a dropped field
    runtime.removeVariables(application.processInstanceId(), ApplicationVariables.absentFrom(applyForm, result.data()));
    runtime.createMessageCorrelation(ResidentActions.CORRECTION).processInstanceId(application.processInstanceId())
        .setVariables(variables).correlateWithResult();
  }

  @Transactional
  public void withdraw(String tenantId, String userId, String number, UUID clientRequestId) {
    ApplicationRecord application = own.lock(tenantId, userId, number);
    if (clientRequestId != null && !requests.firstTime(application, clientRequestId, ResidentActions.WITHDRAW)) {
      return;
    }
    actions.require(application, ResidentActions.WITHDRAW,
        "この申請は現在取り下げできません (the procedure does not allow a withdrawal now)");
    runtime.createMessageCorrelation(ResidentActions.WITHDRAWAL).processInstanceId(application.processInstanceId())
        .correlateWithResult();
  }
}
