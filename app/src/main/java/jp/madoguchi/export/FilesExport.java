package jp.madoguchi.export;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import javax.sql.DataSource;

import jp.madoguchi.attachment.Attachments;
import jp.madoguchi.document.Documents;
import org.springframework.stereotype.Component;

/**
 * Issued documents ({@code documents/<number>/<title>_<id>.pdf}, the signed PDF as issued, produced
 * now when it was never opened) and files of applications ({@code attachments/<number>/<id>_<name>}).
 * The ids come from a cursor; each file is opened alone (at most 10 MB in memory).
 */
@Component
class FilesExport {

  private static final String DOCUMENTS = """
      SELECT d.id, a.number FROM document d JOIN application a ON a.id = d.application_id
      WHERE d.tenant_id = ? ORDER BY a.number, d.issued_at""";
  private static final String ATTACHMENTS = """
      SELECT f.id, a.number FROM attachment f JOIN application a ON a.id = f.application_id
      WHERE f.tenant_id = ? ORDER BY a.number, f.created_at""";

  private final DataSource dataSource;
  private final Documents documents;
  private final Attachments attachments;
  private final ExportProperties properties;

  FilesExport(DataSource dataSource, Documents documents, Attachments attachments, ExportProperties properties) {
    this.dataSource = dataSource;
    this.documents = documents;
    this.attachments = attachments;
    this.properties = properties;
  }

  long documents(ExportZip zip, String tenantId, long total, ExportProgress progress) throws Exception {
    progress.phase("documents", total);
    return each(DOCUMENTS, tenantId, (id, number) -> {
      Documents.StoredDocument document = documents.forStaff(tenantId, id).orElseThrow();
      zip.file("documents/" + ExportZip.safeName(number) + "/" + ExportZip.safeName(document.title()) + "_" + id + ".pdf",
          document.content());
      progress.item();
    });
  }

  long attachments(ExportZip zip, String tenantId, long total, ExportProgress progress) throws Exception {
    progress.phase("attachments", total);
    return each(ATTACHMENTS, tenantId, (id, number) -> {
      Attachments.StoredFile file = attachments.forStaff(tenantId, id).orElseThrow();
      zip.file("attachments/" + ExportZip.safeName(number) + "/" + id + "_" + ExportZip.safeName(file.fileName()),
          file.content());
      progress.item();
    });
  }

  private interface FileWriter {
    void write(UUID id, String applicationNumber) throws IOException;
  }

  private long each(String query, String tenantId, FileWriter writer) throws Exception {
    long count = 0;
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(query)) {
        statement.setFetchSize(properties.fetchSize());
        statement.setString(1, tenantId);
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            writer.write(rs.getObject(1, UUID.class), rs.getString(2));
            count++;
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    }
    return count;
  }
}
