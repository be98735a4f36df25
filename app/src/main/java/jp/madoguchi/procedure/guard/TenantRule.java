package jp.madoguchi.procedure.guard;

/**
 * Who may deploy for which tenant. The application itself (no logged-in user) deploys the shared
 * procedures without a tenant. A logged-in user always names a tenant: a tenant admin only their
 * own (Camunda lets anyone with the CREATE permission pick any tenant id), an operator any existing one.
 */
final class TenantRule {

  private TenantRule() {
  }

  /** Empty when allowed; a forbidden verdict stops the check before any other rule (no hint about another tenant). */
  static Verdict check(Candidate candidate, GuardEnvironment environment) {
    Candidate.Author author = candidate.author();
    String tenant = candidate.tenantId();
    Reasons reasons = new Reasons();
    if (author != null && tenant == null) {
      reasons.add(null, null, "自治体のテナントID（例：demo）を指定してデプロイしてください（Modeler の Tenant ID）。"
          + "すべての自治体に共通の手続は、アプリが processes/ から起動時にデプロイします",
          "deploy with your municipality's tenant id (e.g. demo; Modeler's Tenant ID); procedures shared by "
          + "all municipalities are deployed only by the app itself from processes/ at start");
      return new Verdict(reasons.list(), false);
    }
    if (author != null && !author.isOperator() && !author.tenantSet().contains(tenant)) {
      reasons.add(null, null, "自分の自治体（" + String.join(", ", author.tenants()) + "）の手続だけをデプロイできます",
          "you may deploy procedures only for your own municipality (" + String.join(", ", author.tenants()) + ")");
      return new Verdict(reasons.list(), true);
    }
    if (tenant != null && !environment.tenantExists(tenant)) {
      reasons.add(null, null, "テナント「" + tenant + "」はありません", "tenant '" + tenant + "' does not exist");
    }
    return new Verdict(reasons.list(), false);
  }
}
