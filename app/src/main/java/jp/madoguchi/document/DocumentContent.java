package jp.madoguchi.document;

import java.util.List;

/**
 * A document with every placeholder resolved: what the renderer draws, and nothing else.
 *
 * @param addressee the name the document is addressed to (printed with 様), or blank
 * @param informationLabel the procedure's information label (e.g. 機密性2・個人情報), printed in every page's
 *     footer; null for documents issued before labels existed
 */
record DocumentContent(String issuer, String title, String titleEn, String applicationNumber, String issuedOn,
    String addressee, List<Block> blocks, String footer, String verificationUrl, String documentId,
    String informationLabel) {

  sealed interface Block permits Heading, Caption, Paragraph, Table {
  }

  record Heading(String text) implements Block {
  }

  /** The title of the table that follows (e.g. a list's label), smaller than a heading. */
  record Caption(String text) implements Block {
  }

  record Paragraph(String text) implements Block {
  }

  /**
   * @param header column titles, or null for label/value rows (the first column is then shaded)
   * @param widths relative column widths
   */
  record Table(List<String> header, float[] widths, List<List<String>> rows) implements Block {
  }
}
