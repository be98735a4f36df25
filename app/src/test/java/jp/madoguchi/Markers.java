package jp.madoguchi;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unique values a test puts into every field of a journey, to look for afterwards. Each marker has
 * the tokens to search for: a text marker has an ASCII part and a Japanese part (each must be
 * absent on its own too), numbers and dates are searched as whole words.
 */
public final class Markers {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALNUM = "abcdefghijkmnpqrstuvwxyz23456789";

  public record Marker(String field, String value, List<String> tokens, boolean word) {
  }

  private final Map<String, Marker> markers = new LinkedHashMap<>();

  /** {@code Mk…・漢字…}: an ASCII token and a Japanese token. */
  public String text(String field) {
    String ascii = "Mk" + random(ALNUM, 10);
    String japanese = randomKanji(5);
    return add(new Marker(field, ascii + "・" + japanese, List.of(ascii, japanese), false));
  }

  public String katakana(String field) {
    StringBuilder kana = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      kana.append((char) (0x30A1 + RANDOM.nextInt(0x30F6 - 0x30A1)));
    }
    return add(new Marker(field, kana.toString(), List.of(kana.toString()), false));
  }

  /** A mobile number such as {@code 090-1234-5678}, searched with and without hyphens. */
  public String phone(String field) {
    String digits = "090" + random("0123456789", 8);
    String value = digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
    return add(new Marker(field, value, List.of(value, digits), true));
  }

  public String digits(String field, int length) {
    String value = String.valueOf(1 + RANDOM.nextInt(9)) + random("0123456789", length - 1);
    return add(new Marker(field, value, List.of(value), true));
  }

  /** A code in upper case letters and digits, e.g. a ticket or tracking number. */
  public String code(String field, String prefix) {
    String value = prefix + random("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12);
    return add(new Marker(field, value, List.of(value), true));
  }

  public long number(String field, long min, long max) {
    long value = min + (long) (RANDOM.nextDouble() * (max - min));
    add(new Marker(field, Long.toString(value), List.of(Long.toString(value)), true));
    return value;
  }

  /** A coordinate with six decimals (the most the road-damage form takes). */
  public double coordinate(String field, double min, double max) {
    double value = Math.round((min + RANDOM.nextDouble() * (max - min)) * 1e6) / 1e6;
    String text = Double.toString(value);
    add(new Marker(field, text, List.of(text), true));
    return value;
  }

  /** A date no other data of the test has: {@code yyyy-mm-dd} and how documents write it need not be searched. */
  public String date(String field, LocalDate around, int spreadDays) {
    String value = around.plusDays(RANDOM.nextInt(spreadDays)).toString();
    return add(new Marker(field, value, List.of(value), true));
  }

  public List<Marker> all() {
    return new ArrayList<>(markers.values());
  }

  private String add(Marker marker) {
    String key = marker.field();
    for (int i = 2; markers.containsKey(key); i++) {
      key = marker.field() + "#" + i;
    }
    markers.put(key, marker);
    return marker.value();
  }

  private static String random(String alphabet, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static String randomKanji(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) (0x4E00 + RANDOM.nextInt(0x9FA0 - 0x4E00)));
    }
    return text.toString();
  }
}
