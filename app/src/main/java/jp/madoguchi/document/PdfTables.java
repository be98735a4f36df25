package jp.madoguchi.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jp.madoguchi.document.DocumentContent.Table;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Tables that flow over pages: cells wrap, a row that fits on the next page is not split, a
 * longer one continues there (a label/value row repeats its label, marked （続き）), and the
 * header row is repeated on every page.
 */
final class PdfTables {

  private static final float CELL = 10f;
  private static final float CELL_LEADING = 15f;
  private static final float PAD = 5f;

  private PdfTables() {
  }

  static void draw(PdfPages pages, Table table) throws IOException {
    float total = 0;
    for (float width : table.widths()) {
      total += width;
    }
    float[] widths = new float[table.widths().length];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = PdfPages.WIDTH * table.widths()[i] / total;
    }
    List<List<String>> header = table.header() == null ? null : wrapped(pages, table.header(), widths, pages.bold);
    int headerLines = header == null ? 0 : height(header);
    int freshPageLines = (int) ((PdfPages.TOP - 32 - PdfPages.BOTTOM - 2 * PAD) / CELL_LEADING) - headerLines - 2;
    if (header != null) {
      if (pages.y - (headerLines + 2) * CELL_LEADING - 4 * PAD < PdfPages.BOTTOM) {
        pages.newPage();
      }
      row(pages, header, widths, 0, headerLines, true, false);
    }
    for (List<String> cells : table.rows()) {
      List<List<String>> lines = wrapped(pages, cells, widths, pages.regular);
      int height = height(lines);
      int done = 0;
      while (done < height) {
        int fit = (int) ((pages.y - PdfPages.BOTTOM - 2 * PAD) / CELL_LEADING);
        boolean wholeRowFitsOnNextPage = done == 0 && height <= freshPageLines;
        if (fit < 1 || fit < height - done && wholeRowFitsOnNextPage) {
          pages.newPage();
          if (header != null) {
            row(pages, header, widths, 0, headerLines, true, false);
          }
          continue;
        }
        int chunk = Math.min(fit, height - done);
        row(pages, continued(pages, lines, done, widths, table.header() == null), widths, done, chunk, false,
            table.header() == null);
        done += chunk;
      }
    }
    pages.y -= 10;
  }

  /** A label/value row continued on a new page repeats its label, marked （続き）. */
  private static List<List<String>> continued(PdfPages pages, List<List<String>> lines, int done, float[] widths,
      boolean labelValue) {
    if (done == 0 || !labelValue || done < lines.get(0).size()) {
      return lines;
    }
    String label = lines.get(0).get(0) + "（続き）";
    if (TextWrap.width(label, pages.regular, CELL) > widths[0] - 2 * PAD) {
      label = "（続き）";
    }
    List<String> column = new ArrayList<>(Collections.nCopies(done + 1, ""));
    column.set(done, label);
    return List.of(column, lines.get(1));
  }

  private static List<List<String>> wrapped(PdfPages pages, List<String> cells, float[] widths, PDFont font) {
    List<List<String>> lines = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      lines.add(pages.wrap(cell, font, CELL, widths[i] - 2 * PAD));
    }
    return lines;
  }

  private static int height(List<List<String>> lines) {
    return lines.stream().mapToInt(List::size).max().orElse(1);
  }

  /** Lines {@code from} to {@code from + count} of a row; a label/value table shades its label column. */
  private static void row(PdfPages pages, List<List<String>> cells, float[] widths, int from, int count,
      boolean isHeader, boolean labelValue) throws IOException {
    float height = count * CELL_LEADING + 2 * PAD;
    float bottom = pages.y - height;
    float x = PdfPages.LEFT;
    for (int column = 0; column < widths.length; column++) {
      boolean shaded = isHeader || column == 0 && labelValue;
      if (shaded) {
        pages.fill(x, bottom, widths[column], height, isHeader ? 0.88f : 0.95f);
      }
      pages.frame(x, bottom, widths[column], height);
      List<String> lines = cells.get(column);
      for (int line = from; line < Math.min(from + count, lines.size()); line++) {
        float baseline = pages.y - PAD - (line - from) * CELL_LEADING - CELL - 1;
        pages.text(x + PAD, baseline, isHeader ? pages.bold : pages.regular, CELL, 0f, lines.get(line));
      }
      x += widths[column];
    }
    pages.y = bottom;
  }
}
