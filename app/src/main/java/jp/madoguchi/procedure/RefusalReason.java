package jp.madoguchi.procedure;

/**
 * One reason a deployment is refused, for the procedure designer: which file and element, what to
 * change (Japanese) and the same in English.
 */
public record RefusalReason(String resource, String element, String ja, String en) {

  @Override
  public String toString() {
    return (resource == null ? "" : resource + " ") + (element == null ? "" : element + ": ") + ja + " (" + en + ")";
  }
}
