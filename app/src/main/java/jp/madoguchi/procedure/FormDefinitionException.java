package jp.madoguchi.procedure;

/**
 * A form setting that cannot work as a rule (a list of at most 0 entries, a pattern Java cannot
 * read, a date no day satisfies). The deploy guard refuses such a form with both texts, before any
 * resident meets it.
 */
public class FormDefinitionException extends IllegalArgumentException {

  private final String field;
  private final String messageJa;

  FormDefinitionException(String field, String messageJa, String messageEn) {
    super(messageEn);
    this.field = field;
    this.messageJa = messageJa;
  }

  /** The key (or path) of the field whose setting is wrong. */
  public String field() {
    return field;
  }

  public String messageJa() {
    return messageJa;
  }
}
