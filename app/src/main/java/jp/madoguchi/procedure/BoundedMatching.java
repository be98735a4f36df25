package jp.madoguchi.procedure;

import java.util.regex.Pattern;

/**
 * A pattern tried against a resident's or clerk's text with a budget of character reads. Java's
 * regular expressions backtrack: a designer's pattern such as {@code ^(.*a){8}$} takes 34 s on 60
 * characters (and grows with the 8th power of the length), even the e-mail rule takes minutes on a
 * text of 200,000 dots, holding a request thread and a core meanwhile; a pattern that repeats a group ({@code ^(a|b)*$}) overflows the
 * stack on a long text. Such a text is left undecided instead.
 */
final class BoundedMatching {

  /** 40 ms of matching once the JVM is warm (0.3 s cold); a simple pattern reads a text a few times at most. */
  static final long READS = 20_000_000L;

  private BoundedMatching() {
  }

  enum Outcome { MATCHES, DOES_NOT_MATCH, UNDECIDED }

  /** {@link java.util.regex.Matcher#find()}: the pattern anywhere in the text, as form-js tests it. */
  static Outcome find(Pattern pattern, String text) {
    return attempt(pattern, text, false);
  }

  /** {@link java.util.regex.Matcher#matches()}: the whole text. */
  static Outcome matches(Pattern pattern, String text) {
    return attempt(pattern, text, true);
  }

  private static Outcome attempt(Pattern pattern, String text, boolean whole) {
    try {
      var matcher = pattern.matcher(new CountedText(text, READS));
      return (whole ? matcher.matches() : matcher.find()) ? Outcome.MATCHES : Outcome.DOES_NOT_MATCH;
    } catch (BudgetSpent | StackOverflowError undecided) {
      return Outcome.UNDECIDED;
    }
  }

  private static final class BudgetSpent extends RuntimeException {
    BudgetSpent() {
      super(null, null, false, false);
    }
  }

  private static final class CountedText implements CharSequence {

    private final String text;
    private long reads;

    CountedText(String text, long reads) {
      this.text = text;
      this.reads = reads;
    }

    @Override
    public char charAt(int index) {
      if (--reads < 0) {
        throw new BudgetSpent();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
