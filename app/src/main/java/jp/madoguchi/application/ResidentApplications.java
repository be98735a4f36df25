package jp.madoguchi.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.attachment.Attachment;
import jp.madoguchi.attachment.Attachments;
import org.springframework.stereotype.Service;

/**
 * The resident's "my applications" view: the list and one application's detail (changes are
 * {@link ResidentApplicationCommands}' job). Every method takes the resident's LINE user id from a
 * verified ID token. What features ask the resident to do besides correcting and withdrawing (pay,
 * confirm their identity …) comes from every {@link ResidentStep} bean.
 */
@Service
public class ResidentApplications {

  private final ApplicationRepository applications;
  private final OwnApplications own;
  private final ResidentViewFormat format;
  private final ResidentActions actions;
  private final ApplicationData applicationData;
  private final Attachments attachments;
  private final ResidentStepViews steps;

  ResidentApplications(ApplicationRepository applications, OwnApplications own, ResidentViewFormat format,
      ResidentActions actions, ApplicationData applicationData, Attachments attachments, ResidentStepViews steps) {
    this.applications = applications;
    this.own = own;
    this.format = format;
    this.actions = actions;
    this.applicationData = applicationData;
    this.attachments = attachments;
    this.steps = steps;
  }

  public record Summary(String applicationNumber, String procedureKey, String procedureName,
      OffsetDateTime submittedAt, String status) {
  }

  public record TimelineEntry(String status, OffsetDateTime at) {
  }

  /**
   * {@code steps}: one field per {@link ResidentStep} ({@code payment}, {@code identityAssurance} …), what the
   * resident is asked to do now or its result, else null.
   */
  public record Detail(String applicationNumber, String procedureKey, String procedureName, OffsetDateTime submittedAt,
      String status, List<TimelineEntry> timeline, JsonNode data, String clerkComment, List<String> actions,
      List<Attachment> attachments, List<Attachment> staffAttachments, @JsonAnyGetter Map<String, Object> steps) {
  }

  public List<Summary> list(String tenantId, String userId) {
    return applications.findRecentByResident(tenantId, userId, 100).stream()
        .map(application -> new Summary(application.number(), application.procedureKey(),
            format.procedureName(application), ResidentViewFormat.jst(application.submittedAt()),
            format.currentStatus(application)))
        .toList();
  }

  public Detail detail(String tenantId, String userId, String number) {
    ApplicationRecord application = own.find(tenantId, userId, number);
    List<TimelineEntry> timeline = format.timeline(application);
    List<String> offered = actions.of(application);
    return new Detail(application.number(), application.procedureKey(), format.procedureName(application),
        ResidentViewFormat.jst(application.submittedAt()),
        timeline.isEmpty() ? ResidentViewFormat.BEFORE_FIRST_STATUS : timeline.get(timeline.size() - 1).status(),
        timeline, applicationData.of(application), actions.returnComment(application, offered), offered,
        attachments.ofApplication(tenantId, application.id()), attachments.addedByStaff(tenantId, application.id()),
        steps.of(application));
  }
}
