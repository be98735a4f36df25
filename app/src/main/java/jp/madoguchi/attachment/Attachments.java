package jp.madoguchi.attachment;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.tenant.TenantKeys;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Residents' photos and PDFs: type decided by content, images checked and re-encoded, stored
 * encrypted with the tenant's key, and linked to an application when it is submitted.
 */
@Service
public class Attachments {

  public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
  public static final long MAX_APPLICATION_BYTES = 30L * 1024 * 1024;
  public static final int MAX_FILES_PER_APPLICATION = 10;
  static final String PURPOSE = "attachment.content";
  /** The resident's own file name often says what it is and whose ("山田花子_保険証.jpg"). */
  static final String NAME_PURPOSE = "attachment.file-name";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final TenantKeys keys;
  private final PendingUploads pending;
  private final ImageSafety images;
  private final ResidentUploadTurns residentTurns;

  Attachments(JdbcTemplate jdbc, TransactionTemplate transactions, TenantKeys keys, PendingUploads pending,
      ImageSafety images, ResidentUploadTurns residentTurns) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.keys = keys;
    this.pending = pending;
    this.images = images;
    this.residentTurns = residentTurns;
  }

  /** A file as it will be stored: its type, the name to show, images re-encoded. */
  private record CheckedFile(FileType type, String fileName, byte[] content) {
  }

  /**
   * A resident's upload, kept until it is attached to an application (or deleted after a day). The
   * image is decoded with no database connection held; only the insert runs in a transaction.
   */
  public Attachment store(String tenantId, String residentRef, String originalName, byte[] content) {
    try (ResidentUploadTurns.Turn turn = residentTurns.begin(tenantId, residentRef)) {
      pending.checkRoomFor(tenantId, residentRef, content.length);
      CheckedFile file;
      try {
        file = check(originalName, content);
      } catch (AttachmentRejectedException e) {
        if (e.status() < 500) {
          turn.refused();
        }
        throw e;
      }
      return transactions.execute(status -> {
        pending.reserveRoomFor(tenantId, residentRef, file.content().length);
        return insert(tenantId, residentRef, null, null, file);
      });
    }
  }

  /**
   * A file a clerk adds to an application (e.g. the photo after a repair): the same checks as a
   * resident's file, linked at once, counted in the application's limits, shown to its resident.
   */
  public Attachment storeForStaff(String tenantId, String staffId, UUID applicationId, String originalName,
      byte[] content) {
    CheckedFile file = check(originalName, content);
    return transactions.execute(status -> {
      Attachment stored = insert(tenantId, null, staffId, applicationId, file);
      checkApplicationLimits(tenantId, applicationId);
      return stored;
    });
  }

  private CheckedFile check(String originalName, byte[] content) {
    if (content.length == 0) {
      throw new AttachmentRejectedException(400, "ファイルが空です (empty file)");
    }
    if (content.length > MAX_FILE_BYTES) {
      throw new AttachmentRejectedException(413, "ファイルは10MBまでです (files are limited to 10 MB)");
    }
    FileType type = FileType.detect(content).orElseThrow(() -> new AttachmentRejectedException(415,
        "添付できるのは JPEG・PNG の画像と PDF です (only JPEG, PNG and PDF files are accepted)"));
    return new CheckedFile(type, displayName(originalName, type),
        type.isImage() ? images.reencode(content, type) : content);
  }

  private Attachment insert(String tenantId, String residentRef, String staffId, UUID applicationId, CheckedFile file) {
    UUID id = UUID.randomUUID();
    jdbc.update("""
        INSERT INTO attachment (id, tenant_id, resident_ref, uploaded_by, application_id, file_name_sealed,
                                content_type, size_bytes, content)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, tenantId, residentRef, staffId, applicationId,
        keys.encrypt(tenantId, NAME_PURPOSE, file.fileName()),
        file.type().contentType, file.content().length, keys.encryptBytes(tenantId, PURPOSE, file.content()));
    return new Attachment(id, file.fileName(), file.type().contentType, file.content().length);
  }

  /**
   * Links the resident's uploaded files to their application. Every id must be one of this
   * resident's files in this tenant that no application uses yet; limits apply per application.
   */
  public void linkToApplication(String tenantId, String residentRef, UUID applicationId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    int linked = jdbc.update("""
        UPDATE attachment SET application_id = ?
        WHERE tenant_id = ? AND resident_ref = ? AND application_id IS NULL AND id = ANY (?)""",
        applicationId, tenantId, residentRef, ids.toArray(UUID[]::new));
    if (linked != ids.size()) {
      throw new AttachmentRejectedException(400, "添付ファイルが見つかりません。もう一度添付してください (unknown attachment)");
    }
    checkApplicationLimits(tenantId, applicationId);
  }

  private void checkApplicationLimits(String tenantId, UUID applicationId) {
    var totals = jdbc.queryForMap("SELECT count(*) AS files, coalesce(sum(size_bytes), 0) AS bytes FROM attachment "
        + "WHERE tenant_id = ? AND application_id = ?", tenantId, applicationId);
    if (((Number) totals.get("files")).intValue() > MAX_FILES_PER_APPLICATION) {
      throw new AttachmentRejectedException(400, "添付ファイルは1件の申請につき10個までです (at most 10 files)");
    }
    if (((Number) totals.get("bytes")).longValue() > MAX_APPLICATION_BYTES) {
      throw new AttachmentRejectedException(413, "添付ファイルは合計30MBまでです (at most 30 MB per application)");
    }
  }

  /** The media types (image/jpeg, application/pdf …) of the tenant's files with these ids; unknown ids are absent. */
  public Map<UUID, String> contentTypes(String tenantId, Collection<UUID> ids) {
    Map<UUID, String> types = new HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.query("SELECT id, content_type FROM attachment WHERE tenant_id = ? AND id = ANY (?)",
          rs -> { types.put(rs.getObject("id", UUID.class), rs.getString("content_type")); },
          tenantId, ids.toArray(UUID[]::new));
    }
    return types;
  }

  /** The resident's own files of the application. */
  public List<Attachment> ofApplication(String tenantId, UUID applicationId) {
    return list("uploaded_by IS NULL", tenantId, applicationId);
  }

  /** The files the municipality's staff added to the application. */
  public List<Attachment> addedByStaff(String tenantId, UUID applicationId) {
    return list("uploaded_by IS NOT NULL", tenantId, applicationId);
  }

  private List<Attachment> list(String condition, String tenantId, UUID applicationId) {
    return jdbc.query("SELECT id, tenant_id, file_name, file_name_sealed, content_type, size_bytes FROM attachment "
        + "WHERE tenant_id = ? AND application_id = ? AND " + condition + " ORDER BY created_at",
        (rs, row) -> new Attachment(rs.getObject("id", UUID.class), fileName(rs), rs.getString("content_type"),
            rs.getInt("size_bytes")), tenantId, applicationId);
  }

  /** The file for its resident: one they uploaded, or one staff added to their application, in this tenant. */
  public Optional<StoredFile> forResident(String tenantId, String residentRef, UUID id) {
    return load("tenant_id = ? AND id = ? AND (resident_ref = ? OR uploaded_by IS NOT NULL AND application_id IN "
        + "(SELECT a.id FROM application a WHERE a.tenant_id = ? AND a.resident_ref = ?))",
        tenantId, id, residentRef, tenantId, residentRef);
  }

  /** The process instance of the application the file belongs to, if it belongs to one. */
  public Optional<String> processInstanceOf(String tenantId, UUID id) {
    return jdbc.queryForList("SELECT a.process_instance_id FROM attachment f JOIN application a "
        + "ON a.id = f.application_id AND a.tenant_id = f.tenant_id WHERE f.tenant_id = ? AND f.id = ?",
        String.class, tenantId, id).stream().findFirst();
  }

  /** The file for the tenant's staff: only once it belongs to an application (who may see it: StaffApplicationAccess). */
  public Optional<StoredFile> forStaff(String tenantId, UUID id) {
    return load("tenant_id = ? AND application_id IS NOT NULL AND id = ?", tenantId, id);
  }

  private Optional<StoredFile> load(String where, Object... args) {
    return jdbc.query("SELECT tenant_id, file_name, file_name_sealed, content_type, content, "
        + "(SELECT a.number FROM application a WHERE a.id = attachment.application_id) AS application_number "
        + "FROM attachment WHERE " + where,
        (rs, row) -> new StoredFile(fileName(rs), rs.getString("content_type"),
            keys.decryptBytes(rs.getString("tenant_id"), PURPOSE, rs.getBytes("content")),
            rs.getString("application_number")), args).stream().findFirst();
  }

  /** File names stored before they were sealed (changelog 070) are sealed at start. */
  @EventListener(ApplicationReadyEvent.class)
  void sealNamesStoredInClear() {
    jdbc.query("SELECT id, tenant_id, file_name FROM attachment WHERE file_name IS NOT NULL", rs -> {
      jdbc.update("UPDATE attachment SET file_name_sealed = ?, file_name = NULL WHERE id = ?",
          keys.encrypt(rs.getString("tenant_id"), NAME_PURPOSE, rs.getString("file_name")), rs.getObject("id", UUID.class));
    });
  }

  private String fileName(java.sql.ResultSet rs) throws java.sql.SQLException {
    byte[] sealed = rs.getBytes("file_name_sealed");
    return sealed == null ? rs.getString("file_name") : keys.decrypt(rs.getString("tenant_id"), NAME_PURPOSE, sealed);
  }

  /** A name to show and to offer when saving: no path, no control characters, the extension of the real type. */
  static String displayName(String original, FileType type) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\"<>:|?*]", "").strip();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    if (stem.isBlank() || stem.startsWith(".")) {
      stem = "attachment";
    }
    if (stem.length() > 100) {
      stem = stem.substring(0, 100);
    }
    return stem + "." + type.extension;
  }

  /** @param applicationNumber null while the file belongs to no submitted application yet */
  public record StoredFile(String fileName, String contentType, byte[] content, String applicationNumber) {
  }
}
