package jp.madoguchi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An open Tasklist or Cockpit session keeps the groups and tenants it read at sign-in until Camunda
 * reads them again. That used to be every 5 minutes (Camunda's default), so a clerk moved out of a
 * department, or an operator whose support grant ended, kept reading for up to 5 minutes.
 */
class WebappSessionRefreshTests extends IntegrationTest {

  private static final String PASSWORD = "Idou-Yotei-2026!";
  private static final String CLERK = "moving-clerk";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  @Test
  void shouldTakeADepartmentAwayFromAnOpenTasklistWithinTenSeconds() throws Exception {
    String taskId = new Applications(engine, jdbc).waitingForReview(Procedure.BULKY_WASTE).taskId();
    User user = identity.newUser(CLERK);
    user.setFirstName(CLERK);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createTenantUserMembership(DEMO, CLERK);
    identity.createMembership(CLERK, "waste-section");
    try {
      StaffHttp.Browser tasklist = new StaffHttp(port).browser(null);
      tasklist.signIn(CLERK, PASSWORD);
      String task = "/camunda/api/engine/engine/default/task/" + taskId;
      assertThat(tasklist.get(task).statusCode()).isEqualTo(200);

      identity.deleteMembership(CLERK, "waste-section");
      Thread.sleep(Duration.ofSeconds(11).toMillis()); // the README promises 10 seconds

      assertThat(tasklist.get(task).statusCode()).as("the department's task after the move").isIn(403, 404);
    } finally {
      identity.deleteUser(CLERK);
    }
  }
}
