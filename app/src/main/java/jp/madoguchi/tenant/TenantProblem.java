package jp.madoguchi.tenant;

/**
 * One thing wrong with a municipality's definition (the seed file or an operator's request):
 * Japanese for the operator who fixes it, English for the log. A conflict is a municipality or an
 * account that already exists.
 */
public record TenantProblem(String ja, String en, boolean conflict) {

  static TenantProblem of(String ja, String en) {
    return new TenantProblem(ja, en, false);
  }

  static TenantProblem conflict(String ja, String en) {
    return new TenantProblem(ja, en, true);
  }

  /** Japanese with the English in brackets, as the app's other answers to staff. */
  public String bilingual() {
    return ja + " (" + en + ")";
  }
}
