package jp.madoguchi.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a request is from and how it ended, as the filters that know it tell the access log
 * (request attributes, read once the request is answered).
 */
public final class AccessLogContext {

  static final String ACCOUNT = "madoguchi.access.account";
  static final String TENANT = "madoguchi.access.tenant";
  static final String RESIDENT = "madoguchi.access.resident";
  static final String KIND = "madoguchi.access.kind";

  private AccessLogContext() {
  }

  /** A staff member (or operator) made this request; {@code tenantId} null for an operator outside a tenant. */
  public static void staff(HttpServletRequest request, String account, String tenantId) {
    request.setAttribute(ACCOUNT, account);
    if (tenantId != null) {
      request.setAttribute(TENANT, tenantId);
    }
  }

  /**
   * A resident identified by LINE made this request. The LINE user id stays in memory: the log
   * keeps only a keyed hash of it (a pseudonym per tenant).
   */
  public static void resident(HttpServletRequest request, String tenantId, String lineUserId) {
    request.setAttribute(RESIDENT, lineUserId);
    request.setAttribute(TENANT, tenantId);
  }

  /** The request was turned away or was a sign-in; the entry's kind, e.g. {@code login.failed}. */
  public static void kind(HttpServletRequest request, String kind) {
    request.setAttribute(KIND, kind);
  }
}
