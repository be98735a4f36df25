package jp.madoguchi.liff;

import jp.madoguchi.audit.AccessLogAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;

import jp.madoguchi.attachment.Attachments;
import jp.madoguchi.attachment.Attachments.StoredFile;
import jp.madoguchi.liff.LiffIdTokens.InvalidIdTokenException;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffApplicationAccess;
import jp.madoguchi.staff.StaffMember;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload by residents; download by the owner, or by the tenant's staff once it is part of an application. */
@RestController
class AttachmentController {

  private final LiffIdTokens idTokens;
  private final Attachments attachments;
  private final StaffApplicationAccess access;

  AttachmentController(LiffIdTokens idTokens, Attachments attachments, StaffApplicationAccess access) {
    this.idTokens = idTokens;
    this.attachments = attachments;
    this.access = access;
  }

  @PostMapping("/api/{tenant}/attachments")
  ResponseEntity<Object> upload(@PathVariable String tenant,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam("file") MultipartFile file) throws InvalidIdTokenException, IOException {
    Resident resident = resident(tenant, authorization);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(attachments.store(tenant, resident.userId(), file.getOriginalFilename(), file.getBytes()));
  }

  @GetMapping("/api/{tenant}/attachments/{id}")
  ResponseEntity<byte[]> download(@PathVariable String tenant, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization, HttpServletRequest http)
      throws InvalidIdTokenException {
    Resident resident = resident(tenant, authorization);
    return attachments.forResident(tenant, resident.userId(), id).map(file -> read(http, file))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /**
   * For the application's department (e.g. a link in a Tasklist form); HTTP Basic with the Camunda
   * account. Anyone else, another department's clerk too, gets the 404 of an unknown id.
   */
  @GetMapping("/api/{tenant}/admin/attachments/{id}")
  ResponseEntity<byte[]> downloadForStaff(@PathVariable String tenant, @PathVariable UUID id,
      Authentication authentication, HttpServletRequest http) {
    StaffMember staff = StaffAccess.requireStaffOf(authentication, tenant);
    return attachments.processInstanceOf(tenant, id)
        .filter(processInstanceId -> access.mayRead(staff, tenant, processInstanceId))
        .flatMap(processInstanceId -> attachments.forStaff(tenant, id)).map(file -> read(http, file))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /** Opening a file of an application is a read of the resident's personal data (access log). */
  private static ResponseEntity<byte[]> read(HttpServletRequest http, StoredFile file) {
    if (file.applicationNumber() != null) {
      AccessLogAttributes.personalDataRead(http, file.applicationNumber());
    }
    return file(file);
  }

  private static ResponseEntity<byte[]> file(StoredFile file) {
    return SafeDownload.of(file.contentType(), file.contentType().startsWith("image/") ? "inline" : "attachment",
        file.fileName().replaceAll("[^A-Za-z0-9._-]", "_"), file.fileName(), file.content());
  }

  private Resident resident(String tenant, String authorization) throws InvalidIdTokenException {
    return idTokens.fromAuthorizationHeader(tenant, authorization);
  }
}
