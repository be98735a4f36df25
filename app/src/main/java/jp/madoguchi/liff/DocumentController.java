package jp.madoguchi.liff;

import jp.madoguchi.audit.AccessLogAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

import jp.madoguchi.document.Documents;
import jp.madoguchi.document.Documents.StoredDocument;
import jp.madoguchi.liff.LiffIdTokens.InvalidIdTokenException;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffApplicationAccess;
import jp.madoguchi.staff.StaffMember;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Issued documents (signed PDFs): for the resident who owns the application, and for the tenant's staff. */
@RestController
class DocumentController {

  private final LiffIdTokens idTokens;
  private final Documents documents;
  private final StaffApplicationAccess access;

  DocumentController(LiffIdTokens idTokens, Documents documents, StaffApplicationAccess access) {
    this.idTokens = idTokens;
    this.documents = documents;
    this.access = access;
  }

  @GetMapping("/api/{tenant}/applications/{number}/documents/{id}")
  ResponseEntity<byte[]> download(@PathVariable String tenant, @PathVariable String number, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization, HttpServletRequest http)
      throws InvalidIdTokenException {
    Resident resident = idTokens.fromAuthorizationHeader(tenant, authorization);
    return documents.forResident(tenant, resident.userId(), number, id).map(document -> read(http, document))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /**
   * For the application's department (e.g. a link in a Tasklist form); HTTP Basic with the Camunda
   * account. Anyone else, another department's clerk too, gets the 404 of an unknown id.
   */
  @GetMapping("/api/{tenant}/admin/documents/{id}")
  ResponseEntity<byte[]> downloadForStaff(@PathVariable String tenant, @PathVariable UUID id,
      Authentication authentication, HttpServletRequest http) {
    StaffMember staff = StaffAccess.requireStaffOf(authentication, tenant);
    return documents.processInstanceOf(tenant, id)
        .filter(processInstanceId -> access.mayRead(staff, tenant, processInstanceId))
        .flatMap(processInstanceId -> documents.forStaff(tenant, id)).map(document -> read(http, document))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /** Opening a document is a read of the resident's personal data (access log). */
  private static ResponseEntity<byte[]> read(HttpServletRequest http, StoredDocument document) {
    AccessLogAttributes.personalDataRead(http, document.applicationNumber());
    return pdf(document);
  }

  private static ResponseEntity<byte[]> pdf(StoredDocument document) {
    return SafeDownload.of("application/pdf", "attachment",
        "document_" + document.applicationNumber().replaceAll("[^A-Za-z0-9-]", "_") + ".pdf", document.fileName(),
        document.content());
  }
}
