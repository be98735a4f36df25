package jp.madoguchi.export;

import java.io.IOException;
import java.util.UUID;

import jp.madoguchi.application.ApplicationData;
import jp.madoguchi.attachment.Attachments;
import jp.madoguchi.document.Documents;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * Issued documents ({@code documents/<number>/<title>_<id>.pdf}, the signed PDF as issued, produced
 * now when it was never opened) and files of applications ({@code attachments/<number>/<id>_<name>}).
 * The ids come from a cursor; each file is opened alone (at most 10 MB in memory). Without
 * 要配慮個人情報, the files that may carry it are left out ({@link SensitiveFiles}).
 */
@Component
class FilesExport {

  private static final String DOCUMENTS = """
      SELECT d.id, a.number, a.procedure_key, a.process_instance_id, NULL AS payload
      FROM document d JOIN application a ON a.id = d.application_id AND a.tenant_id = d.tenant_id
      WHERE d.tenant_id = ? ORDER BY a.number, d.issued_at""";
  private static final String ATTACHMENTS = """
      SELECT f.id, a.number, a.procedure_key, a.process_instance_id, a.payload
      FROM attachment f JOIN application a ON a.id = f.application_id AND a.tenant_id = f.tenant_id
      WHERE f.tenant_id = ? ORDER BY a.number, f.created_at""";

  private final TenantCursor cursor;
  private final Documents documents;
  private final Attachments attachments;
  private final HistoryService history;
  private final ApplicationData data;

  FilesExport(TenantCursor cursor, Documents documents, Attachments attachments, HistoryService history,
      ApplicationData data) {
    this.cursor = cursor;
    this.documents = documents;
    this.attachments = attachments;
    this.history = history;
    this.data = data;
  }

  /** What an export without 要配慮個人情報 passes to {@link #documents} and {@link #attachments}. */
  SensitiveFiles withoutSensitive(SensitiveFields fields, String tenantId) {
    return new SensitiveFiles(fields, history, data, tenantId);
  }

  /** One file of an application; {@code payload} (sealed) only for attachments. */
  record FileRow(UUID id, String number, String procedureKey, String processInstanceId, byte[] payload) {
  }

  /** @param sensitive null when the export holds 要配慮個人情報 (every file) */
  long documents(ExportZip zip, String tenantId, SensitiveFiles sensitive, long total, ExportProgress progress)
      throws Exception {
    progress.phase("documents", total);
    return each(DOCUMENTS, tenantId, file -> {
      progress.item();
      if (sensitive != null && !sensitive.document(file)) {
        return false;
      }
      Documents.StoredDocument document = documents.forStaff(tenantId, file.id()).orElseThrow();
      zip.file("documents/" + ExportZip.safeName(file.number()) + "/" + ExportZip.safeName(document.title()) + "_"
          + file.id() + ".pdf", document.content());
      return true;
    });
  }

  /** @param sensitive null when the export holds 要配慮個人情報 (every file) */
  long attachments(ExportZip zip, String tenantId, SensitiveFiles sensitive, long total, ExportProgress progress)
      throws Exception {
    progress.phase("attachments", total);
    return each(ATTACHMENTS, tenantId, file -> {
      progress.item();
      if (sensitive != null && !sensitive.attachment(file)) {
        return false;
      }
      Attachments.StoredFile stored = attachments.forStaff(tenantId, file.id()).orElseThrow();
      zip.file("attachments/" + ExportZip.safeName(file.number()) + "/" + file.id() + "_"
          + ExportZip.safeName(stored.fileName()), stored.content());
      return true;
    });
  }

  private interface FileWriter {
    /** @return whether the file was written */
    boolean write(FileRow file) throws IOException;
  }

  private long each(String query, String tenantId, FileWriter writer) throws Exception {
    long[] count = {0};
    cursor.forEach(query, tenantId, rs -> {
      if (writer.write(new FileRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
          rs.getBytes(5)))) {
        count[0]++;
      }
    });
    return count[0];
  }
}
