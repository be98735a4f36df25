package jp.madoguchi.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** A4 pages filled top to bottom: the cursor {@code y}, page breaks and the drawing primitives. */
final class PdfPages implements AutoCloseable {

  static final PDRectangle A4 = PDRectangle.A4;
  static final float LEFT = 56;
  static final float RIGHT = A4.getWidth() - 56;
  static final float WIDTH = RIGHT - LEFT;
  static final float TOP = A4.getHeight() - 48;
  /** Below this line is the footer (verification QR code, URL, page number). */
  static final float BOTTOM = 118;

  final PDDocument document;
  final PDFont regular;
  final PDFont bold;
  private final CmapLookup cmap;
  private final List<PDPage> pages = new ArrayList<>();
  private final Consumer<PdfPages> onNewPage;
  private PDPageContentStream stream;
  float y;

  /** @param onNewPage draws the running header of every page after the first */
  PdfPages(PDDocument document, PDFont regular, PDFont bold, CmapLookup cmap, Consumer<PdfPages> onNewPage) {
    this.document = document;
    this.regular = regular;
    this.bold = bold;
    this.cmap = cmap;
    this.onNewPage = onNewPage;
  }

  void newPage() throws IOException {
    if (stream != null) {
      stream.close();
    }
    PDPage page = new PDPage(A4);
    document.addPage(page);
    pages.add(page);
    stream = new PDPageContentStream(document, page);
    y = TOP;
    if (pages.size() > 1) {
      onNewPage.accept(this);
    }
  }

  List<PDPage> pages() {
    return pages;
  }

  PDPageContentStream stream() {
    return stream;
  }

  String drawable(String text) {
    return TextWrap.drawable(text, cmap);
  }

  List<String> wrap(String text, PDFont font, float size, float width) {
    return TextWrap.lines(drawable(text), font, size, width);
  }

  void text(float x, float baseline, PDFont font, float size, float gray, String text) throws IOException {
    text(stream, x, baseline, font, size, gray, text);
  }

  static void text(PDPageContentStream stream, float x, float baseline, PDFont font, float size, float gray, String text)
      throws IOException {
    if (text.isEmpty()) {
      return;
    }
    stream.beginText();
    stream.setNonStrokingColor(gray);
    stream.setFont(font, size);
    stream.newLineAtOffset(x, baseline);
    stream.showText(text);
    stream.endText();
    stream.setNonStrokingColor(0f);
  }

  void centered(float baseline, PDFont font, float size, float gray, String text) throws IOException {
    String drawable = drawable(text);
    text(LEFT + (WIDTH - TextWrap.width(drawable, font, size)) / 2, baseline, font, size, gray, drawable);
  }

  void rightAligned(float baseline, PDFont font, float size, float gray, String text) throws IOException {
    String drawable = drawable(text);
    text(RIGHT - TextWrap.width(drawable, font, size), baseline, font, size, gray, drawable);
  }

  void line(float x1, float y1, float x2, float y2, float width, float gray) throws IOException {
    stream.setStrokingColor(gray);
    stream.setLineWidth(width);
    stream.moveTo(x1, y1);
    stream.lineTo(x2, y2);
    stream.stroke();
    stream.setStrokingColor(0f);
  }

  void fill(float x, float y, float width, float height, float gray) throws IOException {
    stream.setNonStrokingColor(gray);
    stream.addRect(x, y, width, height);
    stream.fill();
    stream.setNonStrokingColor(0f);
  }

  void frame(float x, float y, float width, float height) throws IOException {
    stream.setStrokingColor(0.55f);
    stream.setLineWidth(0.5f);
    stream.addRect(x, y, width, height);
    stream.stroke();
    stream.setStrokingColor(0f);
  }

  @Override
  public void close() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
