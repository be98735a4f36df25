package jp.madoguchi.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.publicurl.PublicUrl;
import jp.madoguchi.tenant.TenantKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues official documents and hands them out: to the resident who owns the application, to the
 * tenant's staff, and, as metadata and a hash only, to anyone holding the verification URL.
 * Issuing records what the document says (encrypted); the signed PDF is produced the first time
 * someone asks for it and from then on is exactly those bytes. Rendering and signing cost about
 * 15 ms of CPU, and many receipts are never opened: this keeps that work off busy hours.
 */
@Service
public class Documents {

  static final String PURPOSE = "document.content";
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  static final String SOURCE_PURPOSE = "document.source";

  private final DocumentRenderer renderer;
  private final SigningCredentials credentials;
  private final DocumentRepository repository;
  private final DocumentLayouts layouts;
  private final DocumentSources sources;
  private final TenantKeys keys;
  private final TransactionTemplate transactions;
  private final PublicUrl publicUrl;

  Documents(DocumentRenderer renderer, SigningCredentials credentials, DocumentRepository repository,
      DocumentLayouts layouts, DocumentSources sources, TenantKeys keys, PlatformTransactionManager transactions,
      PublicUrl publicUrl) {
    this.renderer = renderer;
    this.credentials = credentials;
    this.repository = repository;
    this.layouts = layouts;
    this.sources = sources;
    this.keys = keys;
    this.transactions = new TransactionTemplate(transactions);
    this.publicUrl = publicUrl;
  }

  /** What the resident's detail page lists. */
  public record IssuedDocument(UUID id, String title, OffsetDateTime issuedAt) {
  }

  public record StoredDocument(UUID id, String title, String applicationNumber, byte[] content) {
    public String fileName() {
      return title + "_" + applicationNumber + ".pdf";
    }
  }

  /** What the public verification page shows: no personal data; no hash while no PDF was produced yet. */
  public record Verification(String issuer, String title, String applicationNumber, OffsetDateTime issuedAt,
      String sha256) {
  }

  String verificationUrl(String tenantId, UUID id) {
    return publicUrl.base() + "/verify/" + tenantId + "/" + id;
  }

  /** Renders and signs: the PDF as it will be stored. */
  byte[] produce(String tenantId, DocumentLayout layout, DocumentComposer.Source source) {
    Calendar when = GregorianCalendar.from(source.issuedAt().withZoneSameInstant(JST));
    byte[] unsigned = renderer.render(DocumentComposer.compose(layout, source), when);
    return PdfSigner.sign(unsigned, credentials.forTenant(tenantId), source.tenantName(), source.title() + "の発行", when);
  }

  /** @param deploymentId the deployment the source's forms belong to */
  UUID issue(String tenantId, UUID applicationId, String processInstanceId, String activityId, DocumentLayout layout,
      DocumentComposer.Source source, String deploymentId) {
    UUID id = UUID.fromString(source.documentId());
    var row = new DocumentRepository.Row(id, tenantId, applicationId, source.applicationNumber(), layout.id(),
        source.title(), null, source.issuedAt().toInstant());
    repository.insertIssued(row, processInstanceId, activityId,
        keys.encrypt(tenantId, SOURCE_PURPOSE, sources.write(source, deploymentId)));
    return id;
  }

  public List<IssuedDocument> ofApplication(String tenantId, String residentRef, String applicationNumber) {
    return repository.findByApplication(tenantId, residentRef, applicationNumber).stream()
        .map(row -> new IssuedDocument(row.id(), row.title(), row.issuedAt().atZone(JST).toOffsetDateTime())).toList();
  }

  public Optional<StoredDocument> forResident(String tenantId, String residentRef, String applicationNumber, UUID id) {
    return repository.findForResident(tenantId, residentRef, applicationNumber, id).map(this::withContent);
  }

  /** The process instance of the document's application. */
  public Optional<String> processInstanceOf(String tenantId, UUID id) {
    return repository.processInstanceOf(tenantId, id);
  }

  /** The document for the tenant's staff (who may see it: StaffApplicationAccess). */
  public Optional<StoredDocument> forStaff(String tenantId, UUID id) {
    return repository.find(tenantId, id).map(this::withContent);
  }

  Optional<Verification> verification(String tenantId, String issuer, UUID id) {
    return repository.find(tenantId, id).map(row -> new Verification(issuer, row.title(), row.applicationNumber(),
        row.issuedAt().atZone(JST).toOffsetDateTime(), row.sha256()));
  }

  /** True when the bytes are exactly the document as issued. */
  boolean matches(String tenantId, UUID id, byte[] candidate) {
    return repository.find(tenantId, id)
        .filter(row -> row.sha256() != null)
        .map(row -> MessageDigest.isEqual(row.sha256().getBytes(StandardCharsets.US_ASCII),
            sha256(candidate).getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
  }

  private StoredDocument withContent(DocumentRepository.Row row) {
    byte[] pdf = row.sha256() != null
        ? keys.decryptBytes(row.tenantId(), PURPOSE, repository.encryptedContent(row.tenantId(), row.id()))
        : transactions.execute(status -> firstContent(row));
    return new StoredDocument(row.id(), row.title(), row.applicationNumber(), pdf);
  }

  /** Produces and seals the PDF, unless someone else did so while this row was not yet locked. */
  private byte[] firstContent(DocumentRepository.Row row) {
    DocumentRepository.Stored stored = repository.lockContent(row.tenantId(), row.id());
    if (stored.encryptedContent() != null) {
      return keys.decryptBytes(row.tenantId(), PURPOSE, stored.encryptedContent());
    }
    DocumentLayout layout = layouts.find(row.layout()).orElseThrow(() -> new IllegalStateException(
        "Document " + row.id() + " names the layout '" + row.layout() + "', which is no longer shipped"));
    byte[] pdf = produce(row.tenantId(), layout,
        sources.read(keys.decrypt(row.tenantId(), SOURCE_PURPOSE, stored.encryptedSource())));
    repository.seal(row.tenantId(), row.id(), sha256(pdf), pdf.length, keys.encryptBytes(row.tenantId(), PURPOSE, pdf));
    return pdf;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
