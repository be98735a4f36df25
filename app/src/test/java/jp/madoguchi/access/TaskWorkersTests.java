package jp.madoguchi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.StaffRequests.Staff;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grants are per procedure, so before this check a child-section clerk claimed and completed the
 * chief's 係長の決裁 and one person decided a 児童手当 alone.
 */
class TaskWorkersTests extends IntegrationTest {

  private static final String REVIEW = """
      {"variables": {"reviewDecision": {"value": "approve"}, "monthlyAmount": {"value": 15000},
       "startMonth": {"value": "2026-12"}}}""";
  private static final String APPROVE = "{\"variables\": {\"chiefDecision\": {\"value\": \"approve\"}}}";
  private static final Staff BOTH = new Staff("demo-both-roles", "Ryouhou-Yaku-2026!");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  private StaffRequests http;
  private Applications applications;

  @BeforeEach
  void setUp() {
    http = new StaffRequests(port);
    applications = new Applications(engine, jdbc);
    if (identity.createUserQuery().userId(BOTH.id()).count() == 0) {
      User user = identity.newUser(BOTH.id());
      user.setFirstName("兼務");
      user.setPassword(BOTH.password());
      identity.saveUser(user);
      identity.createTenantUserMembership(DEMO, BOTH.id());
      identity.createMembership(BOTH.id(), "child-section");
      identity.createMembership(BOTH.id(), "child-section-chief");
    }
  }

  @Test
  void shouldLetOnlyTheTasksCandidateGroupsClaimOrCompleteIt() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.CHILD_ALLOWANCE);
    String review = "/engine-rest/task/" + application.taskId();

    HttpResponse<String> chiefClaimsReview = http.post(Staffs.CHIEF, review + "/claim", "{\"userId\": \"demo-chief\"}");
    assertThat(chiefClaimsReview.statusCode()).isEqualTo(403);
    assertThat(chiefClaimsReview.body()).contains("担当グループ（child-section）");
    assertThat(http.post(Staffs.CHIEF, review + "/complete", REVIEW).statusCode()).isEqualTo(403);
    assertThat(http.post(Staffs.CHILD, review + "/complete", REVIEW).statusCode()).isEqualTo(204);

    String approval = "/engine-rest/task/" + chiefTask(application.id());
    assertThat(http.post(Staffs.CHILD, approval + "/claim", "{\"userId\": \"demo-child\"}").statusCode()).isEqualTo(403);
    assertThat(http.post(Staffs.CHILD, approval + "/complete", APPROVE).statusCode()).isEqualTo(403);
    assertThat(http.post(Staffs.CHILD, approval + "/submit-form", APPROVE).statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(chiefTask(application.id())).singleResult().getAssignee())
        .isNull();

    assertThat(http.post(Staffs.CHIEF, approval + "/complete", APPROVE).statusCode()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(application.id())
        .taskDefinitionKey("Task_ApproveByChief").count()).isZero();
  }

  @Test
  void shouldLetAClerkReleaseATaskOrHandItOnlyToSomeoneWhoMayWorkOnIt() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.BULKY_WASTE);
    String task = "/engine-rest/task/" + application.taskId();

    assertThat(http.post(Staffs.WASTE, task + "/claim", "{\"userId\": \"demo-clerk\"}").statusCode()).isEqualTo(204);
    HttpResponse<String> release = http.post(Staffs.WASTE, task + "/unclaim", "");
    assertThat(release.statusCode()).as(release.body()).isEqualTo(204);
    assertThat(assignee(application)).isNull();

    for (String stranger : new String[] {"", "nobody", Staffs.KITA_CLERK.id(), Staffs.CHIEF.id()}) {
      HttpResponse<String> claim = http.post(Staffs.WASTE, task + "/claim", "{\"userId\": \"" + stranger + "\"}");
      HttpResponse<String> handOver = http.post(Staffs.WASTE, task + "/assignee", "{\"userId\": \"" + stranger + "\"}");
      assertThat(claim.statusCode()).as(stranger + ": " + claim.body()).isEqualTo(403);
      assertThat(handOver.statusCode()).as(stranger + ": " + handOver.body()).isEqualTo(403);
      assertThat(handOver.body()).contains("担当グループ（waste-section）");
      assertThat(assignee(application)).as(stranger).isNull();
    }

    HttpResponse<String> toColleague = http.post(Staffs.WASTE, task + "/assignee", "{\"userId\": \"demo-counter\"}");
    assertThat(toColleague.statusCode()).as(toColleague.body()).isEqualTo(204);
    assertThat(assignee(application)).isEqualTo("demo-counter");
    assertThat(http.post(Staffs.CHILD, task + "/assignee", "{\"userId\": \"demo-child\"}").statusCode()).isIn(403, 404);
    assertThat(http.post(Staffs.CHILD, task + "/unclaim", "").statusCode()).isIn(403, 404);
    assertThat(assignee(application)).isEqualTo("demo-counter");
    assertThat(http.post(Staffs.DEMO_ADMIN, task + "/assignee", "{\"userId\": \"demo-clerk\"}").statusCode())
        .isEqualTo(204);
    assertThat(assignee(application)).isEqualTo("demo-clerk");
  }

  private String assignee(Applications.Open application) {
    return engine.getTaskService().createTaskQuery().taskId(application.taskId()).singleResult().getAssignee();
  }

  @Test
  void shouldNeverLetWhoeverReviewedAnApplicationAlsoDecideItAsChief() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.CHILD_ALLOWANCE);
    assertThat(http.post(BOTH, "/engine-rest/task/" + application.taskId() + "/complete", REVIEW).statusCode())
        .isEqualTo(204);
    String approval = "/engine-rest/task/" + chiefTask(application.id());

    HttpResponse<String> claim = http.post(BOTH, approval + "/claim", "{\"userId\": \"" + BOTH.id() + "\"}");
    HttpResponse<String> complete = http.post(BOTH, approval + "/complete", APPROVE);

    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(complete.statusCode()).isEqualTo(403);
    assertThat(complete.body()).contains("決裁できません");
    assertThat(http.post(Staffs.DEMO_ADMIN, approval + "/complete", APPROVE).statusCode())
        .as("the tenant admin, who did not review it").isEqualTo(204);
  }

  @Test
  void shouldLetAChiefWhoCheckedAnOverdueReviewStillDecideIt() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.CHILD_ALLOWANCE);
    Job overdue = engine.getManagementService().createJobQuery().processInstanceId(application.id())
        .activityId("Event_ReviewOverdue").singleResult();
    engine.getManagementService().executeJob(overdue.getId());
    String check = engine.getTaskService().createTaskQuery().processInstanceId(application.id())
        .taskDefinitionKey("Task_CheckOverdueReview").singleResult().getId();
    assertThat(http.post(Staffs.CHIEF, "/engine-rest/task/" + check + "/complete", """
        {"variables": {"overdueChecked": {"value": true}, "overdueNote": {"value": "本日中に審査します。"}}}""")
        .statusCode()).isEqualTo(204);
    assertThat(http.post(Staffs.CHILD, "/engine-rest/task/" + application.taskId() + "/complete", REVIEW).statusCode())
        .isEqualTo(204);

    assertThat(http.post(Staffs.CHIEF, "/engine-rest/task/" + chiefTask(application.id()) + "/complete", APPROVE)
        .statusCode()).as("checking the delay is the chief's own work, not the review").isEqualTo(204);
  }

  private String chiefTask(String instanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_ApproveByChief").singleResult().getId();
  }
}
