package jp.madoguchi.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Line breaking for Japanese with Latin runs: a line may break between any two Japanese
 * characters, Latin words and numbers stay whole unless longer than a line, and closing
 * punctuation (、。」 …) never starts a line: the character before it moves down with it (追い出し).
 */
final class TextWrap {

  private static final String NO_LINE_START = "、。，．,.・：；？！)）」』】〕〉》”’ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々%";
  private static final String REPLACEMENT = "〓";

  private TextWrap() {
  }

  /** The text with every character the font cannot draw (emoji, control characters) replaced. */
  static String drawable(String text, CmapLookup cmap) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> {
      if (codePoint == '\n') {
        out.append('\n');
      } else if (codePoint == '\t' || codePoint == '\r') {
        out.append(' ');
      } else if (Character.isISOControl(codePoint) || cmap.getGlyphId(codePoint) == 0) {
        out.append(REPLACEMENT);
      } else {
        out.appendCodePoint(codePoint);
      }
    });
    return out.toString();
  }

  static List<String> lines(String text, PDFont font, float size, float width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      wrap(paragraph, font, size, width, lines);
    }
    return lines;
  }

  static float width(String text, PDFont font, float size) {
    try {
      return font.getStringWidth(text) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void wrap(String paragraph, PDFont font, float size, float width, List<String> lines) {
    StringBuilder line = new StringBuilder();
    float used = 0;
    for (String token : tokens(paragraph)) {
      float tokenWidth = width(token, font, size);
      if (used + tokenWidth <= width) {
        line.append(token);
        used += tokenWidth;
        continue;
      }
      String rest = token.stripLeading();
      if (token.length() == 1 && NO_LINE_START.contains(token) && line.length() > 1) {
        // 追い出し: the last character moves down with the punctuation that may not start a line
        int last = line.offsetByCodePoints(line.length(), -1);
        rest = line.substring(last) + token;
        line.setLength(last);
      }
      if (line.length() > 0) {
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
      }
      int start = 0;
      int fit;
      while ((fit = fitting(rest, start, font, size, width)) < rest.length()) { // a Latin run longer than a line
        lines.add(rest.substring(start, fit));
        start = fit;
      }
      rest = rest.substring(start);
      line.append(rest);
      used = width(rest, font, size);
    }
    lines.add(line.toString().stripTrailing());
  }

  /**
   * Where the line that starts at {@code start} ends: at least one character, as many as fit. Widths
   * add up character by character, so a run of any length is measured once, not once per line.
   */
  private static int fitting(String text, int start, PDFont font, float size, float width) {
    int end = text.offsetByCodePoints(start, 1);
    float used = width(text.substring(start, end), font, size);
    while (end < text.length()) {
      int next = text.offsetByCodePoints(end, 1);
      used += width(text.substring(end, next), font, size);
      if (used > width) {
        break;
      }
      end = next;
    }
    return end;
  }

  /** Latin words (with their trailing spaces) stay together; every other character stands alone. */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      int end = i + Character.charCount(codePoint);
      if (isLatin(codePoint)) {
        while (end < text.length() && isLatin(text.codePointAt(end))) {
          end += Character.charCount(text.codePointAt(end));
        }
        while (end < text.length() && text.charAt(end) == ' ') {
          end++;
        }
      }
      tokens.add(text.substring(i, end));
      i = end;
    }
    return tokens;
  }

  private static boolean isLatin(int codePoint) {
    return codePoint < 0x2000 && codePoint != ' ' && !Character.isWhitespace(codePoint);
  }
}
