package jp.madoguchi.application;

import org.springframework.stereotype.Component;

/**
 * A resident's own application, by number: the user id comes from a verified LIFF ID token, so a
 * resident only ever reaches their own applications in their tenant; anything else is "not found".
 */
@Component
class OwnApplications {

  private final ApplicationRepository applications;

  OwnApplications(ApplicationRepository applications) {
    this.applications = applications;
  }

  ApplicationRecord find(String tenantId, String userId, String number) {
    return applications.findByNumber(tenantId, number)
        .filter(application -> userId.equals(application.residentRef()))
        .orElseThrow(OwnApplications::notFound);
  }

  /**
   * The same, locked for the rest of the transaction: the resident's actions on one application (a
   * double tap on 取り下げ) run one after the other, and the second finds what the first left.
   */
  ApplicationRecord lock(String tenantId, String userId, String number) {
    return applications.lockResidents(tenantId, userId, number).orElseThrow(OwnApplications::notFound);
  }

  private static ApplicationNotFoundException notFound() {
    return new ApplicationNotFoundException("この申請は見つかりません (no such application)");
  }
}
