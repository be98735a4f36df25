package jp.madoguchi.procedure;

/** One reason a submitted form is refused, for the person who filled it (Japanese) and for developers (English). */
public record FormViolation(String field, String messageJa, String messageEn) {

  @Override
  public String toString() {
    return field + ": " + messageJa + " (" + messageEn + ")";
  }
}
