package jp.madoguchi.attachment;

import java.io.IOException;
import java.util.Map;

import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ApplicationRepository;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffApplicationAccess;
import jp.madoguchi.staff.StaffMember;
import org.camunda.bpm.engine.RuntimeService;
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
  private final ApplicationRepository applications;
  private final RuntimeService runtime;
  private final StaffApplicationAccess access;

  StaffAttachmentController(Attachments attachments, ApplicationRepository applications, RuntimeService runtime,
      StaffApplicationAccess access) {
    this.attachments = attachments;
    this.applications = applications;
    this.runtime = runtime;
    this.access = access;
  }

  /** Only the application's department (or the tenant admin) adds files; anyone else gets the 404 of an unknown number. */
  @PostMapping("/api/{tenant}/admin/applications/{number}/attachments")
  ResponseEntity<Object> upload(@PathVariable String tenant, @PathVariable String number,
      @RequestParam("file") MultipartFile file, Authentication authentication) throws IOException {
    StaffMember staff = StaffAccess.requireStaffOf(authentication, tenant);
    ApplicationRecord application = applications.findByNumber(tenant, number)
        .filter(found -> access.mayWorkOn(staff, tenant, found.processInstanceId()))
        .orElseThrow(StaffAttachmentController::noSuchApplication);
    if (!isOpen(application)) {
      throw new AttachmentRejectedException(409, "この申請は完了しているためファイルを追加できません (the application is closed)");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(attachments.storeForStaff(tenant, staff.id(),
        application.id(), file.getOriginalFilename(), file.getBytes()));
  }

  @GetMapping(path = "/api/{tenant}/admin/applications/{number}/upload", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> uploadPage(@PathVariable String tenant, @PathVariable String number,
      Authentication authentication) {
    StaffMember staff = StaffAccess.requireStaffOf(authentication, tenant);
    ApplicationRecord application = applications.findByNumber(tenant, number)
        .filter(found -> access.mayRead(staff, tenant, found.processInstanceId()))
        .orElseThrow(StaffAttachmentController::noSuchApplication);
    boolean mayAdd = isOpen(application) && access.mayWorkOn(staff, tenant, application.processInstanceId());
    return ResponseEntity.ok()
        .header("Cache-Control", "private, no-store")
        .body(StaffUploadPage.render(tenant, application.number(), mayAdd,
            attachments.addedByStaff(tenant, application.id())));
  }

  @ExceptionHandler(AttachmentRejectedException.class)
  ResponseEntity<Map<String, Object>> rejected(AttachmentRejectedException e) {
    return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
  }

  private static AttachmentRejectedException noSuchApplication() {
    return new AttachmentRejectedException(404, "この申請は見つかりません (no such application)");
  }

  /** A closed application is part of the record: nothing is added to it afterwards. */
  private boolean isOpen(ApplicationRecord application) {
    return runtime.createProcessInstanceQuery().processInstanceId(application.processInstanceId())
        .tenantIdIn(application.tenantId()).active().count() > 0;
  }
}
