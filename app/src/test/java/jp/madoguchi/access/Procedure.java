package jp.madoguchi.access;

import java.util.List;

import jp.madoguchi.StaffRequests.Staff;

/** The four procedures, each with a clerk of its department and a value only its application holds. */
enum Procedure {

  BULKY_WASTE("bulky-waste-collection", Staffs.WASTE, "090-1234-5678"),
  RESIDENT_CERTIFICATE("resident-certificate", Staffs.CITIZEN, "窓口 花子"),
  ROAD_DAMAGE("road-damage-report", Staffs.ROAD, "中央公園南入口前"),
  CHILD_ALLOWANCE("child-allowance", Staffs.CHILD, "0123456");

  private final String key;
  private final Staff department;
  private final String personalValue;

  Procedure(String key, Staff department, String personalValue) {
    this.key = key;
    this.department = department;
    this.personalValue = personalValue;
  }

  String key() {
    return key;
  }

  Staff department() {
    return department;
  }

  /** A piece of the resident's data (phone, name, place, bank account number) in the process variables. */
  String personalValue() {
    return personalValue;
  }

  /** Staff of other departments (the child section's chief outside child allowance), another tenant, an operator. */
  List<Staff> outsiders() {
    List<Staff> clerks = List.of(Staffs.WASTE, Staffs.CITIZEN, Staffs.ROAD, Staffs.CHILD, Staffs.CHIEF,
        Staffs.COUNTER, Staffs.LINKING_CHIEF, Staffs.KITA_ADMIN, Staffs.KITA_CLERK, Staffs.OPERATOR);
    return clerks.stream().filter(staff -> staff != department && !(this == BULKY_WASTE && staff == Staffs.COUNTER)
        && !(this == CHILD_ALLOWANCE && (staff == Staffs.CHIEF || staff == Staffs.LINKING_CHIEF))).toList();
  }
}
