package jp.madoguchi.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.attachment.Attachment;
import jp.madoguchi.attachment.Attachments;
import jp.madoguchi.procedure.FormValidator;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.ProcedureCatalog;
import jp.madoguchi.procedure.ProcedureCatalog.Procedure;
import jp.madoguchi.procedure.ProcedureForms;
import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a resident does with their submitted applications (submitting is {@link ResidentSubmissions}'s
 * job). Every method takes the resident's LINE user id
 * from a verified ID token: a resident only ever reaches their own applications in their tenant.
 */
@Service
public class ResidentApplications {

  static final String CORRECTION = "CorrectionSubmitted";
  static final String WITHDRAWAL = "WithdrawalRequested";
  private static final ZoneOffset JST = ZoneOffset.ofHours(9);

  private final ProcedureCatalog procedures;
  private final ProcedureForms forms;
  private final ApplicationRepository applications;
  private final ResidentStatusService statuses;
  private final RuntimeService runtime;
  private final TenantKeys keys;
  private final ApplicationData applicationData;
  private final Attachments attachments;
  private final List<ResidentStep> steps;
  private final EarlierSubmissions earlierSubmissions;
  private final AttachmentLinks attachmentLinks;
  private final ClerkView clerkView;

  ResidentApplications(ProcedureCatalog procedures, ProcedureForms forms, ApplicationRepository applications,
      ResidentStatusService statuses, RuntimeService runtime, TenantKeys keys, ApplicationData applicationData,
      Attachments attachments, List<ResidentStep> steps, EarlierSubmissions earlierSubmissions,
      AttachmentLinks attachmentLinks, ClerkView clerkView) {
    this.procedures = procedures;
    this.forms = forms;
    this.applications = applications;
    this.statuses = statuses;
    this.runtime = runtime;
    this.keys = keys;
    this.applicationData = applicationData;
    this.attachments = attachments;
    this.steps = steps;
    this.earlierSubmissions = earlierSubmissions;
    this.attachmentLinks = attachmentLinks;
    this.clerkView = clerkView;
  }

  public record Summary(String applicationNumber, String procedureKey, String procedureName,
      OffsetDateTime submittedAt, String status) {
  }

  public record TimelineEntry(String status, OffsetDateTime at) {
  }

  /** {@code payment} and {@code identityAssurance}: what the resident is asked to do now, or null. */
  public record Detail(String applicationNumber, String procedureKey, String procedureName, OffsetDateTime submittedAt,
      String status, List<TimelineEntry> timeline, JsonNode data, String clerkComment, List<String> actions,
      List<Attachment> attachments, List<Attachment> staffAttachments, Object payment, Object identityAssurance) {
  }

  public List<Summary> list(String tenantId, String userId) {
    List<Summary> summaries = new ArrayList<>();
    for (ApplicationRecord application : applications.findRecentByResident(tenantId, userId, 100)) {
      summaries.add(new Summary(application.number(), application.procedureKey(), procedureName(application),
          application.submittedAt().atOffset(JST), currentStatus(application)));
    }
    return summaries;
  }

  public Detail detail(String tenantId, String userId, String number) {
    ApplicationRecord application = own(tenantId, userId, number);
    List<TimelineEntry> timeline = statuses.timeline(tenantId, application.processInstanceId()).stream()
        .map(status -> new TimelineEntry(status.status(), status.since().atOffset(JST))).toList();
    List<String> actions = actions(application);
    String comment = actions.contains("correct")
        ? (String) runtime.getVariable(application.processInstanceId(), "returnComment") : null;
    return new Detail(application.number(), application.procedureKey(), procedureName(application),
        application.submittedAt().atOffset(JST), timeline.isEmpty() ? "受付中" : timeline.get(timeline.size() - 1).status(),
        timeline, applicationData.of(application), comment, actions, attachments.ofApplication(tenantId, application.id()),
        attachments.addedByStaff(tenantId, application.id()), step("payment", application),
        step("identityAssurance", application));
  }

  private Object step(String name, ApplicationRecord application) {
    return steps.stream().filter(step -> step.name().equals(name)).findFirst()
        .flatMap(step -> step.view(application)).orElse(null);
  }

  /** The resident's corrected data, checked against the apply form, continues the waiting process. */
  @Transactional
  public void correct(String tenantId, String userId, String number, ObjectNode data) {
    ApplicationRecord application = own(tenantId, userId, number);
    if (!actions(application).contains("correct")) {
      throw new ActionNotAllowedException("この申請は現在修正できません (the application is not waiting for a correction)");
    }
    String definitionId = runtime.createProcessInstanceQuery().processInstanceId(application.processInstanceId())
        .singleResult().getProcessDefinitionId();
    FormValidator.Result result = FormValidator.validate(forms.startForm(definitionId), data);
    if (!result.valid()) {
      throw InvalidFormException.of(result.violations());
    }
    List<UUID> attached = AttachmentReferences.in(forms.startForm(definitionId), result.data());
    List<UUID> alreadyLinked = attachments.ofApplication(tenantId, application.id()).stream().map(Attachment::id).toList();
    attachments.linkToApplication(tenantId, userId, application.id(),
        attached.stream().filter(id -> !alreadyLinked.contains(id)).toList());
    var variables = ApplicationVariables.of(result.data())
        .putValueTyped(EarlierSubmissions.VARIABLE, earlierSubmissions.withReplaced(application,
            forms.startForm(definitionId), applicationData.of(application), result.data()))
        .putValueTyped(AttachmentLinks.VARIABLE, attachmentLinks.of(tenantId, attached));
    variables.putAll(clerkView.of(definitionId, forms.startForm(definitionId), result.data()));
    applications.updatePayload(tenantId, application.id(),
        keys.encrypt(tenantId, RegisterApplicationDelegate.PAYLOAD_PURPOSE, result.data().toString()));
    runtime.createMessageCorrelation(CORRECTION).processInstanceId(application.processInstanceId())
        .setVariables(variables).correlateWithResult();
  }

  @Transactional
  public void withdraw(String tenantId, String userId, String number) {
    ApplicationRecord application = own(tenantId, userId, number);
    if (!actions(application).contains("withdraw")) {
      throw new ActionNotAllowedException("この申請は現在取り下げできません (the procedure does not allow a withdrawal now)");
    }
    runtime.createMessageCorrelation(WITHDRAWAL).processInstanceId(application.processInstanceId()).correlateWithResult();
  }

  private ApplicationRecord own(String tenantId, String userId, String number) {
    return applications.findByNumber(tenantId, number)
        .filter(application -> userId.equals(application.residentRef()))
        .orElseThrow(() -> new ApplicationNotFoundException("この申請は見つかりません (no such application)"));
  }

  /** What the process offers the resident now, read from its open message subscriptions. */
  private List<String> actions(ApplicationRecord application) {
    List<String> actions = new ArrayList<>();
    var subscriptions = runtime.createEventSubscriptionQuery().processInstanceId(application.processInstanceId())
        .eventType("message").list();
    if (subscriptions.stream().anyMatch(subscription -> CORRECTION.equals(subscription.getEventName()))) {
      actions.add("correct");
    }
    if (subscriptions.stream().anyMatch(subscription -> WITHDRAWAL.equals(subscription.getEventName()))) {
      actions.add("withdraw");
    }
    return actions;
  }

  private String currentStatus(ApplicationRecord application) {
    return statuses.current(application.tenantId(), application.processInstanceId()).map(ResidentStatus::status)
        .orElse("受付中");
  }

  private String procedureName(ApplicationRecord application) {
    return procedures.find(application.tenantId(), application.procedureKey()).map(Procedure::name)
        .orElse(application.procedureKey());
  }
}
