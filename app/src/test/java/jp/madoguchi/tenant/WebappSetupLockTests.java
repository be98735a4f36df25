package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Camunda's {@code camunda-admin} skips the tenant check: a member other than the lock is refused and taken out. */
class WebappSetupLockTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired WebappSetupLock lock;

  @Test
  void shouldRefuseAndRemoveAnyOtherMemberOfCamundaAdmin() throws Exception {
    StaffHttp http = new StaffHttp(port);
    identity.createMembership("demo-clerk", Groups.CAMUNDA_ADMIN);
    try {
      HttpResponse<String> refused = http.basic("GET", "/engine-rest/task?tenantIdIn=kita", "demo-clerk",
          DEMO_CLERK_PASSWORD, null);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("forbidden-roles");

      lock.ensure();

      assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
          .extracting(User::getId).containsExactly(WebappSetupLock.USER_ID);
    } finally {
      if (identity.createUserQuery().userId("demo-clerk").memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
        identity.deleteMembership("demo-clerk", Groups.CAMUNDA_ADMIN);
      }
    }
    assertThat(http.basic("GET", "/engine-rest/task", "demo-clerk", DEMO_CLERK_PASSWORD, null).statusCode())
        .isEqualTo(200);
  }
}
