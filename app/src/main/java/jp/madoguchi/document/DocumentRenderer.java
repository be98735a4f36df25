package jp.madoguchi.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.List;

import jp.madoguchi.document.DocumentContent.Block;
import jp.madoguchi.document.DocumentContent.Caption;
import jp.madoguchi.document.DocumentContent.Heading;
import jp.madoguchi.document.DocumentContent.Paragraph;
import jp.madoguchi.document.DocumentContent.Table;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/** Draws a composed document on A4 pages with Noto Sans JP (embedded as a subset); unsigned. */
@Component
class DocumentRenderer {

  private static final float BODY = 10.5f;
  private static final float BODY_LEADING = 17f;

  private final DocumentFonts fonts;

  DocumentRenderer(DocumentFonts fonts) {
    this.fonts = fonts;
  }

  byte[] render(DocumentContent content, Calendar issuedAt) {
    DocumentFonts.Pair pair;
    try {
      pair = fonts.borrow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a font", e);
    }
    try (PDDocument document = new PDDocument()) {
      PDType0Font regular = PDType0Font.load(document, pair.regular(), true);
      PDType0Font bold = PDType0Font.load(document, pair.bold(), true);
      try (PdfPages pages = new PdfPages(document, regular, bold, pair.regular().getUnicodeCmapLookup(),
          next -> runningHeader(next, content))) {
        pages.newPage();
        header(pages, content);
        for (Block block : content.blocks()) {
          block(pages, block);
        }
        pages.close();
        footers(pages, content);
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(content.title());
      info.setAuthor(content.issuer());
      info.setCreator("Madoguchi");
      info.setCreationDate(issuedAt);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Document could not be rendered", e);
    } finally {
      fonts.giveBack(pair);
    }
  }

  private static void header(PdfPages pages, DocumentContent content) throws IOException {
    pages.text(PdfPages.LEFT, pages.y - 12, pages.bold, 12, 0f, pages.drawable(content.issuer()));
    pages.rightAligned(pages.y - 10, pages.regular, 9.5f, 0.2f, "受付番号 " + content.applicationNumber());
    pages.rightAligned(pages.y - 24, pages.regular, 9.5f, 0.2f, "発行日 " + content.issuedOn());
    pages.y -= 44;
    if (!content.addressee().isBlank()) {
      pages.text(PdfPages.LEFT, pages.y - 14, pages.regular, 14, 0f, pages.drawable(content.addressee() + "　様"));
      pages.line(PdfPages.LEFT, pages.y - 19, PdfPages.LEFT + 220, pages.y - 19, 0.6f, 0.3f);
      pages.y -= 34;
    }
    pages.y -= 22;
    pages.centered(pages.y, pages.bold, 22, 0f, content.title());
    pages.y -= 18;
    if (content.titleEn() != null) {
      pages.centered(pages.y, pages.regular, 9, 0.4f, content.titleEn());
    }
    pages.y -= 14;
    pages.line(PdfPages.LEFT, pages.y, PdfPages.RIGHT, pages.y, 1.2f, 0.2f);
    pages.y -= 18;
  }

  private static void runningHeader(PdfPages pages, DocumentContent content) {
    try {
      pages.text(PdfPages.LEFT, pages.y - 9, pages.regular, 8.5f, 0.4f,
          pages.drawable(content.issuer() + "　" + content.title()));
      pages.rightAligned(pages.y - 9, pages.regular, 8.5f, 0.4f, "受付番号 " + content.applicationNumber());
      pages.y -= 16;
      pages.line(PdfPages.LEFT, pages.y, PdfPages.RIGHT, pages.y, 0.5f, 0.6f);
      pages.y -= 16;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void block(PdfPages pages, Block block) throws IOException {
    if (block instanceof Heading heading) {
      if (pages.y - 60 < PdfPages.BOTTOM) {
        pages.newPage(); // a heading never stands alone at the foot of a page
      }
      pages.y -= 8;
      pages.fill(PdfPages.LEFT, pages.y - 13, 3.5f, 14, 0.15f);
      pages.text(PdfPages.LEFT + 9, pages.y - 11.5f, pages.bold, 11.5f, 0f, pages.drawable(heading.text()));
      pages.y -= 24;
    } else if (block instanceof Caption caption) {
      if (pages.y - 70 < PdfPages.BOTTOM) {
        pages.newPage();
      }
      pages.text(PdfPages.LEFT, pages.y - 10, pages.bold, 10, 0.15f, pages.drawable(caption.text()));
      pages.y -= 17;
    } else if (block instanceof Paragraph paragraph) {
      for (String line : pages.wrap(paragraph.text(), pages.regular, BODY, PdfPages.WIDTH)) {
        if (pages.y - BODY_LEADING < PdfPages.BOTTOM) {
          pages.newPage();
        }
        pages.text(PdfPages.LEFT, pages.y - BODY, pages.regular, BODY, 0f, line);
        pages.y -= BODY_LEADING;
      }
      pages.y -= 6;
    } else if (block instanceof Table table) {
      PdfTables.draw(pages, table);
    }
  }

  private static void footers(PdfPages pages, DocumentContent content) throws IOException {
    List<PDPage> all = pages.pages();
    List<String> note = content.footer() == null ? List.of()
        : pages.wrap(content.footer(), pages.regular, 8, PdfPages.WIDTH - 90);
    for (int i = 0; i < all.size(); i++) {
      try (PDPageContentStream stream = new PDPageContentStream(pages.document, all.get(i), AppendMode.APPEND, true,
          true)) {
        float top = PdfPages.BOTTOM - 14;
        stream.setStrokingColor(0.6f);
        stream.setLineWidth(0.5f);
        stream.moveTo(PdfPages.LEFT, top);
        stream.lineTo(PdfPages.RIGHT, top);
        stream.stroke();
        float qr = 64;
        QrCodes.draw(stream, content.verificationUrl(), PdfPages.LEFT, top - 10 - qr, qr);
        float x = PdfPages.LEFT + qr + 12;
        float baseline = top - 20;
        PdfPages.text(stream, x, baseline, pages.bold, 8.5f, 0.1f,
            "電子署名付きの文書です。発行元と改ざんの有無はこちらで確認できます (verify):");
        PdfPages.text(stream, x, baseline - 13, pages.regular, 8, 0.1f, content.verificationUrl());
        baseline -= 28;
        for (String line : note.subList(0, Math.min(2, note.size()))) {
          PdfPages.text(stream, x, baseline, pages.regular, 8, 0.35f, line);
          baseline -= 12;
        }
        if (content.informationLabel() != null) {
          String label = "情報区分：" + content.informationLabel();
          PdfPages.text(stream, PdfPages.RIGHT - TextWrap.width(label, pages.bold, 8), top + 4, pages.bold, 8, 0.1f, label);
        }
        String number = (i + 1) + " / " + all.size();
        PdfPages.text(stream, PdfPages.RIGHT - TextWrap.width(number, pages.regular, 8), 30, pages.regular, 8, 0.35f,
            number);
      }
    }
  }
}
