package jp.madoguchi.attachment;

import java.io.IOException;
import java.util.Map;

import jp.madoguchi.attachment.AttachableApplications.AttachableApplication;
import jp.madoguchi.staff.StaffAccess;
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

  StaffAttachmentController(Attachments attachments, AttachableApplications applications) {
    this.attachments = attachments;
    this.applications = applications;
  }

  @PostMapping("/api/{tenant}/admin/applications/{number}/attachments")
  ResponseEntity<Object> upload(@PathVariable String tenant, @PathVariable String number,
      @RequestParam("file") MultipartFile file, Authentication authentication) throws IOException {
    StaffMember staff = StaffAccess.requireStaffOf(authentication, tenant);
    AttachableApplication application = openApplication(tenant, number);
    return ResponseEntity.status(HttpStatus.CREATED).body(attachments.storeForStaff(tenant, staff.id(),
        application.id(), file.getOriginalFilename(), file.getBytes()));
  }

  @GetMapping(path = "/api/{tenant}/admin/applications/{number}/upload", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> uploadPage(@PathVariable String tenant, @PathVariable String number,
      Authentication authentication) {
    StaffAccess.requireStaffOf(authentication, tenant);
    AttachableApplication application = find(tenant, number);
    return ResponseEntity.ok()
        .header("Cache-Control", "private, no-store")
        .body(StaffUploadPage.render(tenant, application.number(), application.open(),
            attachments.addedByStaff(tenant, application.id())));
  }

  @ExceptionHandler(AttachmentRejectedException.class)
  ResponseEntity<Map<String, Object>> rejected(AttachmentRejectedException e) {
    return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
  }

  /** A closed application is part of the record: nothing is added to it afterwards. */
  private AttachableApplication openApplication(String tenant, String number) {
    AttachableApplication application = find(tenant, number);
    if (!application.open()) {
      throw new AttachmentRejectedException(409, "この申請は完了しているためファイルを追加できません (the application is closed)");
    }
    return application;
  }

  private AttachableApplication find(String tenant, String number) {
    return applications.find(tenant, number)
        .orElseThrow(() -> new AttachmentRejectedException(404, "この申請は見つかりません (no such application)"));
  }
}
