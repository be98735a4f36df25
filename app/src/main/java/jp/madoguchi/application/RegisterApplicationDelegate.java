package jp.madoguchi.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.access.ResidentLinking;
import jp.madoguchi.crypto.ThreadRandom;
import jp.madoguchi.procedure.FormSchema;
import jp.madoguchi.procedure.FormValidator;
import jp.madoguchi.procedure.FormViolation;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.ProcedureForms;
import jp.madoguchi.procedure.ProcedureLabels;
import jp.madoguchi.procedure.VariablesJson;
import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * First step of every procedure ("申請の受付登録"): checks the start variables against the
 * procedure's apply form and keeps only the checked values as variables, stores the application
 * with its payload encrypted and gives the instance its application number as business key. Runs in
 * the start's transaction, before any wait state, so an invalid start leaves nothing behind. Sets
 * the procedure's information label ({@code informationLabel}) that every clerk's form shows.
 */
@ProcedureBuildingBlock("registerApplication")
class RegisterApplicationDelegate implements JavaDelegate {

  /** Start variables that are not form fields. */
  static final String RESIDENT_REF = "residentRef";
  static final String APPLICATION_NUMBER = "applicationNumber";
  static final String APPLICATION_ID = "applicationId";
  static final String PAYLOAD_PURPOSE = "application.payload";

  private final ProcedureForms forms;
  private final ApplicationNumbers numbers;
  private final ApplicationRepository applications;
  private final TenantKeys keys;
  private final ObjectMapper json;
  private final Clock clock;
  private final AttachmentLinks attachmentLinks;
  private final ProcedureLabels labels;
  private final JdbcTemplate jdbc;
  private final ClerkView clerkView;

  RegisterApplicationDelegate(ProcedureForms forms, ApplicationNumbers numbers, ApplicationRepository applications,
      TenantKeys keys, ObjectMapper json, Clock clock, AttachmentLinks attachmentLinks, ProcedureLabels labels,
      JdbcTemplate jdbc, ClerkView clerkView) {
    this.forms = forms;
    this.numbers = numbers;
    this.applications = applications;
    this.keys = keys;
    this.json = json;
    this.clock = clock;
    this.attachmentLinks = attachmentLinks;
    this.labels = labels;
    this.jdbc = jdbc;
    this.clerkView = clerkView;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String tenantId = execution.getTenantId();
    if (tenantId == null) {
      throw new InvalidFormException("申請は自治体の職員または住民として開始してください "
          + "(start the procedure as staff of one tenant; operators cannot file applications)", List.of());
    }
    Map<String, Object> variables = execution.getVariables();
    Object residentRef = variables.remove(RESIDENT_REF);
    if (residentRef != null && !(residentRef instanceof String)) {
      throw InvalidFormException.of(List.of(new FormViolation(RESIDENT_REF, "住民の参照が正しくありません", "must be text")));
    }
    if (residentRef != null) {
      ResidentLinking.check(execution, ProcedureForms.procedureKey(execution));
    }
    FormSchema form = forms.startForm(execution);
    ObjectNode sent = VariablesJson.of(variables, json);
    FormValidator.Result result = FormValidator.validate(form, sent);
    if (!result.valid()) {
      throw InvalidFormException.of(result.violations());
    }
    keepCheckedValuesOnly(execution, sent, result.data());
    String number = numbers.next(tenantId);
    var application = new ApplicationRecord(ThreadRandom.uuid(), tenantId, number, ProcedureForms.procedureKey(execution),
        execution.getProcessInstanceId(), (String) residentRef, clock.instant(), "CONFIDENTIAL");
    applications.insert(application, ApplicationChannel.ofCurrentStart(), keys.encrypt(tenantId, PAYLOAD_PURPOSE, result.data().toString()));
    RestStartKey.current().ifPresent(key -> recordStartKey(key, tenantId, number));
    execution.setProcessBusinessKey(number);
    execution.setVariable(APPLICATION_NUMBER, number);
    execution.setVariable(APPLICATION_ID, application.id().toString());
    execution.setVariable(ProcedureLabels.LABEL_VARIABLE,
        labels.procedureLabel(execution.getProcessDefinitionId()).japanese());
    execution.setVariable(AttachmentLinks.VARIABLE,
        attachmentLinks.of(tenantId, AttachmentReferences.in(form, result.data())));
    execution.setVariable(AttachmentLinks.UPLOAD_PAGE_VARIABLE, attachmentLinks.uploadPage(tenantId, number));
    execution.setVariables(clerkView.of(execution.getProcessDefinitionId(), form, result.data()));
  }

  /**
   * A staff member's REST start sets its variables as sent; a readonly field's value (form-js sends
   * it back as shown, so it is not refused) must not stay one. A resident's start already has the
   * checked data only, so nothing changes for it.
   */
  private static void keepCheckedValuesOnly(DelegateExecution execution, ObjectNode sent, ObjectNode checked) {
    ObjectNode changed = checked.objectNode();
    sent.fieldNames().forEachRemaining(name -> {
      if (!checked.has(name)) {
        execution.removeVariable(name);
      } else if (!checked.get(name).equals(sent.get(name))) {
        changed.set(name, checked.get(name));
      }
    });
    if (!changed.isEmpty()) {
      execution.setVariables(ApplicationVariables.of(changed));
    }
  }

  /** In the start's transaction: a concurrent start with the same key waits for this one and then finds it. */
  private void recordStartKey(RestStartKey key, String tenantId, String number) {
    if (!key.tenantId().equals(tenantId)) {
      return;
    }
    int recorded = jdbc.update("""
        INSERT INTO application_submission (tenant_id, resident_ref, client_request_id, application_number)
        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", tenantId, key.staffRef(), key.key(), number);
    if (recorded == 0) {
      throw new DuplicateStartException();
    }
  }
}
