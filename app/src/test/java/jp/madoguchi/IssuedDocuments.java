package jp.madoguchi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.document.Documents;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the 書類を発行 steps issued for a process instance, as a resident or clerk would see it
 * (titles, the PDF's text). {@link BulkyWasteApplications#documents} lists the layouts.
 */
public final class IssuedDocuments {

  private IssuedDocuments() {
  }

  /** The titles of the documents issued for the instance, in the order they were issued. */
  public static List<String> titles(JdbcTemplate jdbc, ProcessInstance instance) {
    return jdbc.queryForList("SELECT title FROM document WHERE process_instance_id = ? ORDER BY issued_at, id",
        String.class, instance.getId());
  }

  /** The text of the instance's one document of that layout, read from the stored, signed PDF. */
  public static String text(JdbcTemplate jdbc, Documents documents, ProcessInstance instance, String layout) {
    UUID id = jdbc.queryForObject("SELECT id FROM document WHERE process_instance_id = ? AND layout = ?", UUID.class,
        instance.getId(), layout);
    try (PDDocument pdf = Loader.loadPDF(documents.forStaff(instance.getTenantId(), id).orElseThrow().content())) {
      return new PDFTextStripper().getText(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
