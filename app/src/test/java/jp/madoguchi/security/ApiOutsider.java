package jp.madoguchi.security;

import static jp.madoguchi.security.PerimeterAttackTests.basic;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;

/**
 * Someone who has no business with a resident's application of デモ市, as Madoguchi's own endpoints
 * see them: an {@code Authorization} header (none for nobody) and the municipality they belong to.
 */
record ApiOutsider(String authorization, String tenant) {

  /**
   * Another resident of デモ市, the same LINE user as a resident of 北市, a clerk of another department,
   * 北市's administrator and clerk, an operator without a support grant and nobody.
   */
  static Map<String, ApiOutsider> of(ResidentApplication filed) {
    Map<String, ApiOutsider> outsiders = new LinkedHashMap<>();
    outsiders.put("nobody", new ApiOutsider("", IntegrationTest.DEMO));
    outsiders.put("another resident of demo", new ApiOutsider("Bearer " + LineIdTokens.LINE.token(
        LineIdTokens.DEMO_CHANNEL, LineIdTokens.newUserId()), IntegrationTest.DEMO));
    outsiders.put("a resident of kita", new ApiOutsider("Bearer " + LineIdTokens.LINE.token(
        LineIdTokens.KITA_CHANNEL, filed.resident()), IntegrationTest.KITA));
    outsiders.put("demo-citizen", new ApiOutsider(basic("demo-citizen", "Madoguchi-Citizen-2026!"),
        IntegrationTest.DEMO));
    outsiders.put("kita-admin", new ApiOutsider(basic("kita-admin", "Hokubu-Admin-2026!"), IntegrationTest.KITA));
    outsiders.put("kita-clerk", new ApiOutsider(basic("kita-clerk", IntegrationTest.KITA_CLERK_PASSWORD),
        IntegrationTest.KITA));
    outsiders.put("test-operator", new ApiOutsider(basic("test-operator", "Operator-Pass-2026!"),
        IntegrationTest.DEMO));
    return outsiders;
  }
}
