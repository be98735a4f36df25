package jp.madoguchi.encryption;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.Markers.Marker;

/**
 * Looks for markers in a text (a database dump, a log) in every form a value can take on its way
 * there: as it is, as hex (PostgreSQL dumps {@code bytea} so), as Base64 (any alignment), JSON
 * {@code \\uXXXX} escapes and URL encoding of non-ASCII text, and hex of those. Numbers, dates and
 * codes are searched as whole words, so that digits inside ids, ciphertext or a decimal's fraction
 * do not count.
 */
final class ClearTextScan {

  private ClearTextScan() {
  }

  /** One line per finding: which marker, in which form, where, with some text around it. */
  static List<String> find(List<Marker> markers, Map<String, String> sources) {
    List<String> findings = new ArrayList<>();
    for (Marker marker : markers) {
      for (String token : marker.tokens()) {
        forms(token, marker.word()).forEach((form, needle) -> sources.forEach((source, text) -> {
          int at = indexOf(text, needle, marker.word() && (form.equals("as is") || form.equals("JSON-escaped")));
          if (at >= 0) {
            findings.add(marker.field() + " (" + token + ") " + form + " in " + source + ": …"
                + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + needle.length() + 80))
                    .replace('\n', ' ') + "…");
          }
        }));
      }
    }
    return findings;
  }

  static Map<String, String> forms(String token, boolean word) {
    Map<String, String> forms = new LinkedHashMap<>();
    byte[] utf8 = token.getBytes(StandardCharsets.UTF_8);
    forms.put("as is", token);
    forms.put("hex", HexFormat.of().formatHex(utf8));
    for (int offset = 0; offset < 3; offset++) {
      String core = base64Core(utf8, offset);
      if (core.length() >= 8) {
        forms.put("Base64+" + offset, core);
      }
    }
    if (!token.chars().allMatch(c -> c < 0x80)) {
      String escaped = escaped(token, "\\u%04x");
      forms.put("JSON-escaped", escaped);
      forms.put("JSON-escaped (upper case)", escaped(token, "\\u%04X"));
      forms.put("hex of JSON-escaped", HexFormat.of().formatHex(escaped.getBytes(StandardCharsets.US_ASCII)));
      String url = URLEncoder.encode(token, StandardCharsets.UTF_8);
      forms.put("URL-encoded", url);
      forms.put("URL-encoded (lower case)", url.toLowerCase(java.util.Locale.ROOT));
    }
    return forms;
  }

  /** The Base64 characters that depend only on the token, when it starts {@code offset} bytes into a block. */
  private static String base64Core(byte[] utf8, int offset) {
    byte[] shifted = new byte[offset + utf8.length];
    System.arraycopy(utf8, 0, shifted, offset, utf8.length);
    String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
    int start = offset == 0 ? 0 : offset + 1;
    int end = (offset + utf8.length) % 3 == 0 ? encoded.length() : encoded.length() - 1;
    return start < end ? encoded.substring(start, end) : "";
  }

  private static String escaped(String text, String format) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c < 0x80 ? String.valueOf((char) c) : String.format(format, c)));
    return out.toString();
  }

  private static int indexOf(String text, String needle, boolean wholeWord) {
    if (!wholeWord) {
      return text.indexOf(needle);
    }
    // nor the fraction of a decimal: a dump's timestamps end in microseconds (13:13:57.190474)
    Matcher match = Pattern.compile("(?<![A-Za-z0-9])(?<!\\d\\.)" + Pattern.quote(needle) + "(?![A-Za-z0-9])")
        .matcher(text);
    return match.find() ? match.start() : -1;
  }
}
