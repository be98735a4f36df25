package jp.madoguchi.document;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public page a document's QR code points to: who issued what and when, and the SHA-256 of
 * the signed PDF, without personal data. Anyone may upload a PDF to learn whether it is that
 * document, unchanged.
 */
@RestController
class VerificationController {

  private final Documents documents;
  private final TenantRepository tenants;

  VerificationController(Documents documents, TenantRepository tenants) {
    this.documents = documents;
    this.tenants = tenants;
  }

  @GetMapping(path = "/verify/{tenant}/{id}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> show(@PathVariable String tenant, @PathVariable String id) {
    return verification(tenant, id)
        .map(verification -> page(HttpStatus.OK, VerificationPage.render(verification, null)))
        .orElseGet(VerificationController::notFound);
  }

  @PostMapping(path = "/verify/{tenant}/{id}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> check(@PathVariable String tenant, @PathVariable String id,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    Optional<Documents.Verification> verification = verification(tenant, id);
    if (verification.isEmpty()) {
      return notFound();
    }
    boolean genuine = file != null && !file.isEmpty()
        && documents.matches(tenant, UUID.fromString(id), file.getBytes());
    return page(HttpStatus.OK, VerificationPage.render(verification.get(), genuine));
  }

  private Optional<Documents.Verification> verification(String tenant, String id) {
    UUID documentId;
    try {
      documentId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return tenants.findById(tenant).map(Tenant::name)
        .flatMap(issuer -> documents.verification(tenant, issuer, documentId));
  }

  private static ResponseEntity<String> notFound() {
    return page(HttpStatus.NOT_FOUND, VerificationPage.notFound());
  }

  private static ResponseEntity<String> page(HttpStatus status, String html) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
        .header("Cache-Control", "no-store")
        .body(html);
  }
}
