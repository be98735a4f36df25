package jp.madoguchi.attachment;

import jp.madoguchi.audit.AccessLogAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;

import jp.madoguchi.attachment.AttachableApplications.AttachableApplication;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffApplicationAccess;
import jp.madoguchi.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files clerks add to an application (e.g. the photo after a repair). Tasklist's forms cannot pick
 * files, so a task form links to the upload page here; HTTP Basic with the Camunda account.
 */
@RestController
class StaffAttachmentController {

  private final Attachments attachments;
  private final AttachableApplications applications;
  private final StaffApplicationAccess access;

  StaffAttachmentController(Attachments attachments, AttachableApplications applications,
      StaffApplicationAccess access) {
    this.attachments = attachments;
    this.applications = applications;
    this.access = access;
  }

  /** Only the application's department (or the tenant admin) adds files; anyone else gets the 404 of an unknown number. */
  @PostMapping("/api/{tenant}/admin/applications/{number}/attachments")
  ResponseEntity<Object> upload(@PathVariable String tenant, @PathVariable String number,
      @RequestParam("file") MultipartFile file, Authentication authentication, HttpServletRequest http)
      throws IOException {
    StaffMember staff = StaffAccess.requireStaffOf(authentication, tenant);
    AccessLogAttributes.concerns(http, number);
    AttachableApplication application = find(tenant, number);
    if (!access.mayWorkOn(staff, tenant, application.processInstanceId())) {
      throw noSuchApplication();
    }
    if (!application.open()) {
      throw new AttachmentRejectedException(409, "この申請は完了しているためファイルを追加できません (the application is closed)");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(attachments.storeForStaff(tenant, staff.id(),
        application.id(), file.getOriginalFilename(), file.getBytes()));
  }

  @GetMapping(path = "/api/{tenant}/admin/applications/{number}/upload", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> uploadPage(@PathVariable String tenant, @PathVariable String number,
      Authentication authentication, HttpServletRequest http) {
    StaffMember staff = StaffAccess.requireStaffOf(authentication, tenant);
    AccessLogAttributes.concerns(http, number);
    AttachableApplication application = find(tenant, number);
    if (!access.mayRead(staff, tenant, application.processInstanceId())) {
      throw noSuchApplication();
    }
    boolean mayAdd = application.open() && access.mayWorkOn(staff, tenant, application.processInstanceId());
    return ResponseEntity.ok()
        .header("Cache-Control", "private, no-store")
        .body(StaffUploadPage.render(tenant, application.number(), mayAdd,
            attachments.addedByStaff(tenant, application.id())));
  }

  @ExceptionHandler(AttachmentRejectedException.class)
  ResponseEntity<Map<String, Object>> rejected(AttachmentRejectedException e) {
    return e.answer();
  }

  /** Any application, or another department's: the same 404. A closed application takes no more files (409). */
  private AttachableApplication find(String tenant, String number) {
    return applications.find(tenant, number).orElseThrow(StaffAttachmentController::noSuchApplication);
  }

  private static AttachmentRejectedException noSuchApplication() {
    return new AttachmentRejectedException(404, "この申請は見つかりません (no such application)");
  }
}
