package jp.madoguchi.application;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.attachment.Attachments;
import jp.madoguchi.procedure.FormSchema;
import jp.madoguchi.procedure.FormValidator;
import jp.madoguchi.procedure.FormViolation;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.ProcedureCatalog;
import jp.madoguchi.procedure.ProcedureCatalog.Procedure;
import jp.madoguchi.procedure.ProcedureForms;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A resident files an application: once per client-generated key, however often the page sends it. */
@Service
public class ResidentSubmissions {

  private final ProcedureCatalog procedures;
  private final ProcedureForms forms;
  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;
  private final Attachments attachments;
  private final ResidentQuota quota;

  ResidentSubmissions(ProcedureCatalog procedures, ProcedureForms forms, RuntimeService runtime, JdbcTemplate jdbc,
      Attachments attachments, ResidentQuota quota) {
    this.procedures = procedures;
    this.forms = forms;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.attachments = attachments;
    this.quota = quota;
  }

  public record Submitted(String applicationNumber, boolean created) {
  }

  /**
   * Starts the procedure for the resident with the data as checked against its apply form (never
   * what was sent as it was: a readonly or hidden field's value must not become a process
   * variable); the process stores the application in the same transaction. The same
   * {@code clientRequestId} twice gives the same application.
   */
  @Transactional
  public Submitted submit(String tenantId, String userId, String procedureKey, ObjectNode data, UUID clientRequestId) {
    Procedure procedure = procedures.find(tenantId, procedureKey)
        .orElseThrow(() -> new ApplicationNotFoundException("この手続はありません (no such procedure)"));
    if (data.has(RegisterApplicationDelegate.RESIDENT_REF)) {
      throw InvalidFormException.of(List.of(new FormViolation(RegisterApplicationDelegate.RESIDENT_REF,
          "この申請にない項目です", "not a field of this form")));
    }
    int claimed = jdbc.update("""
        INSERT INTO application_submission (tenant_id, resident_ref, client_request_id) VALUES (?, ?, ?)
        ON CONFLICT DO NOTHING""", tenantId, userId, clientRequestId);
    if (claimed == 0) {
      String number = jdbc.queryForObject("""
          SELECT application_number FROM application_submission
          WHERE tenant_id = ? AND resident_ref = ? AND client_request_id = ?""", String.class,
          tenantId, userId, clientRequestId);
      return new Submitted(number, false);
    }
    FormSchema applyForm = forms.startForm(procedure.definitionId());
    FormValidator.Result result = FormValidator.validate(applyForm, data);
    if (!result.valid()) {
      throw InvalidFormException.of(result.violations());
    }
    quota.check(tenantId, userId, procedure.key());
    var variables = ApplicationVariables.of(result.data()).putValue(RegisterApplicationDelegate.RESIDENT_REF, userId);
    ProcessInstanceWithVariables instance = ApplicationChannel.residentSubmitting(() -> TenantContext.callAs(tenantId,
        () -> runtime.createProcessInstanceById(procedure.definitionId()).setVariables(variables)
            .executeWithVariablesInReturn()));
    jdbc.update("""
        UPDATE application_submission SET application_number = ?
        WHERE tenant_id = ? AND resident_ref = ? AND client_request_id = ?""",
        instance.getBusinessKey(), tenantId, userId, clientRequestId);
    UUID applicationId = UUID.fromString(instance.getVariables()
        .getValue(RegisterApplicationDelegate.APPLICATION_ID, String.class));
    attachments.linkToApplication(tenantId, userId, applicationId,
        AttachmentReferences.in(applyForm, result.data()));
    return new Submitted(instance.getBusinessKey(), true);
  }
}
