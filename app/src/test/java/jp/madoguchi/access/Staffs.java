package jp.madoguchi.access;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffRequests.Staff;

/** The staff of the test seed (src/test/resources/seed/test-tenants.yaml). */
final class Staffs {

  static final Staff DEMO_ADMIN = new Staff("demo-admin", IntegrationTest.DEMO_ADMIN_PASSWORD);
  static final Staff WASTE = new Staff("demo-clerk", IntegrationTest.DEMO_CLERK_PASSWORD);
  static final Staff CITIZEN = new Staff("demo-citizen", "Madoguchi-Citizen-2026!");
  static final Staff ROAD = new Staff("demo-road", "Madoguchi-Road-2026!");
  static final Staff CHILD = new Staff("demo-child", "Madoguchi-Child-2026!");
  static final Staff CHIEF = new Staff("demo-chief", "Madoguchi-Chief-2026!");
  /** waste-section and resident-linking: may link a counter application of bulky waste to a LINE user. */
  static final Staff COUNTER = new Staff("demo-counter", "Madoguchi-Counter-2026!");
  /** child-section-chief and resident-linking: a chief of another department than bulky waste's. */
  static final Staff LINKING_CHIEF = new Staff("demo-linking-chief", "Madoguchi-Linking-2026!");
  static final Staff KITA_ADMIN = new Staff("kita-admin", "Hokubu-Admin-2026!");
  static final Staff KITA_CLERK = new Staff("kita-clerk", IntegrationTest.KITA_CLERK_PASSWORD);
  static final Staff OPERATOR = new Staff("test-operator", "Operator-Pass-2026!");

  private Staffs() {
  }

  static boolean ofDemo(Staff staff) {
    return staff.id().startsWith("demo-");
  }
}
