package jp.madoguchi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.AtOnce;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.audit.OperationEvent;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * SaaS operators run the service without reading residents' data; a tenant admin can let one look into
 * the tenant for a few hours (support), and that access ends by itself. Fails on the code before, where
 * operators were members of camunda-admin and bypassed every authorization and tenant check.
 */
@RecordApplicationEvents
class SupportGrantTests extends IntegrationTest {

  private static final String GRANTS = "/api/demo/admin/support-grants";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired SupportGrants supportGrants;
  @Autowired SupportGrantRetention retention;
  @Autowired IdentityService identity;
  @Autowired ApplicationEvents events;
  private StaffRequests http;
  private Applications applications;

  @BeforeEach
  void client() {
    http = new StaffRequests(port);
    applications = new Applications(engine, jdbc);
  }

  /** No grant outlives its test, whatever the test did. */
  @AfterEach
  void endEveryGrant() {
    jdbc.update("UPDATE support_grant SET expires_at = now() - interval '1 second' WHERE ended_at IS NULL");
    supportGrants.endExpired();
  }

  @Test
  void shouldLetAnOperatorRunTheServiceButReadNoApplication() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.BULKY_WASTE);

    assertThat(http.get(Staffs.OPERATOR, "/engine-rest/history/variable-instance?processInstanceId=" + application.id())
        .body()).isEqualTo("[]");
    assertThat(http.get(Staffs.OPERATOR, "/engine-rest/process-instance/" + application.id()).statusCode()).isEqualTo(404);
    assertThat(http.get(Staffs.OPERATOR, "/engine-rest/history/process-instance?processInstanceBusinessKey="
        + application.number()).body()).isEqualTo("[]");
    assertThat(http.get(Staffs.OPERATOR, "/engine-rest/incident").body()).isEqualTo("[]");
    assertThat(http.download(Staffs.OPERATOR, "/api/demo/admin/documents/" + application.receipt()).statusCode())
        .isEqualTo(403);

    assertThat(http.get(Staffs.OPERATOR, "/engine-rest/process-definition?key=bulky-waste-collection").body())
        .contains("bulky-waste-collection");
    assertThat(http.get(Staffs.OPERATOR, "/engine-rest/deployment").statusCode()).isEqualTo(200);
    assertThat(http.get(Staffs.OPERATOR, "/engine-rest/authorization").statusCode()).isEqualTo(200);
    // the ways to give oneself access are closed
    assertThat(http.post(Staffs.OPERATOR, "/engine-rest/authorization/create", """
        {"type": 1, "permissions": ["ALL"], "userId": "test-operator", "resourceType": 6, "resourceId": "*"}""")
        .statusCode()).isEqualTo(403);
    assertThat(http.put(Staffs.OPERATOR, "/engine-rest/group/tenant-admin/members/test-operator", "").statusCode())
        .isEqualTo(403);
    assertThat(http.put(Staffs.OPERATOR, "/engine-rest/tenant/demo/user-members/test-operator", "").statusCode())
        .isEqualTo(403);
    assertThat(http.put(Staffs.OPERATOR, "/engine-rest/user/demo-clerk/credentials", """
        {"password": "Taken-Over-2026!x", "authenticatedUserPassword": "Operator-Pass-2026!"}""").statusCode())
        .isEqualTo(403);
    assertThat(http.put(Staffs.OPERATOR, "/engine-rest/group/" + Groups.CAMUNDA_ADMIN + "/members/test-operator", "").statusCode())
        .isEqualTo(403);
    // a municipality's account moved into the operators' group would leave its admin's control
    assertThat(http.put(Staffs.OPERATOR, "/engine-rest/group/saas-operator/members/demo-clerk", "").statusCode())
        .isEqualTo(403);
    assertThat(identity.createUserQuery().userId("demo-clerk").memberOfGroup("saas-operator").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()).as("nobody who can sign in bypasses the checks")
        .extracting(org.camunda.bpm.engine.identity.User::getId).containsExactly("madoguchi-setup-lock");
    assertThat(http.get(new jp.madoguchi.StaffRequests.Staff("madoguchi-setup-lock", "Any-Guess-2026!"), "/engine-rest/task")
        .statusCode()).isEqualTo(401);
  }

  @Test
  void shouldOpenOneTenantToTheOperatorUntilTheGrantExpires() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.CHILD_ALLOWANCE);
    String variables = "/engine-rest/history/variable-instance?processInstanceId=" + application.id();

    HttpResponse<String> created = http.post(Staffs.DEMO_ADMIN, GRANTS,
        "{\"operatorId\": \"test-operator\", \"hours\": 2, \"reason\": \"問い合わせ対応 #123\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String grantId = json.readTree(created.body()).get("id").asText();

    assertThat(http.get(Staffs.OPERATOR, variables).body()).contains("0123456");
    assertThat(http.download(Staffs.OPERATOR, "/api/demo/admin/documents/" + application.receipt()).statusCode())
        .isEqualTo(200);
    assertThat(http.post(Staffs.OPERATOR, "/engine-rest/task/" + application.taskId() + "/claim",
        "{\"userId\": \"test-operator\"}").statusCode()).as("support reads, it does not work on tasks").isEqualTo(403);
    assertThat(http.upload(Staffs.OPERATOR, "/api/demo/admin/applications/" + application.number() + "/attachments",
        "x.png", Applications.png()).statusCode()).isEqualTo(404);
    assertThat(http.get(Staffs.OPERATOR, "/engine-rest/history/process-instance?tenantIdIn=kita").body())
        .as("the other tenant stays closed").isEqualTo("[]");

    jdbc.update("UPDATE support_grant SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid", grantId);
    supportGrants.endExpired();

    assertThat(http.get(Staffs.OPERATOR, variables).body()).isEqualTo("[]");
    assertThat(identity.createTenantQuery().userMember("test-operator").count()).isZero();
    JsonNode listed = json.readTree(http.get(Staffs.DEMO_ADMIN, GRANTS).body());
    assertThat(listed.findValuesAsText("endedBy")).contains("system");
    assertThat(events.stream(OperationEvent.class).filter(event -> grantId.equals(event.target())))
        .extracting(OperationEvent::kind).containsExactly("support-grant.ended");
  }

  /**
   * Two municipalities (or one admin twice) granting the same operator at the same moment: every grant
   * is given and the operator ends up in both municipalities, with one set of read grants. Failed
   * before with 500 for most of them (optimistic locking of the operator's authorization).
   */
  @Test
  void shouldGiveEveryGrantSentAtTheSameMomentAndEndThemAlike() throws Exception {
    AtomicInteger sender = new AtomicInteger();
    List<HttpResponse<String>> given = AtOnce.send(6, () -> sender.getAndIncrement() % 2 == 0
        ? http.post(Staffs.DEMO_ADMIN, GRANTS, "{\"operatorId\": \"test-operator\", \"hours\": 1, \"reason\": \"同時\"}")
        : http.post(Staffs.KITA_ADMIN, "/api/kita/admin/support-grants",
            "{\"operatorId\": \"test-operator\", \"hours\": 1, \"reason\": \"同時\"}"));
    assertThat(AtOnce.statuses(given)).as(given.toString()).containsOnly(201);
    assertThat(identity.createTenantQuery().userMember("test-operator").list()).extracting(t -> t.getId())
        .containsExactlyInAnyOrder(DEMO, KITA);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn("test-operator")
        .resourceType(Resources.PROCESS_DEFINITION).count()).isOne();

    List<String> demoGrants = given.stream().filter(answer -> answer.uri().getPath().startsWith("/api/demo/"))
        .map(answer -> GRANTS + "/" + readId(answer)).toList();
    AtomicInteger ender = new AtomicInteger();
    List<HttpResponse<String>> ended = AtOnce.send(demoGrants.size(),
        () -> http.delete(Staffs.DEMO_ADMIN, demoGrants.get(ender.getAndIncrement())));
    assertThat(AtOnce.statuses(ended)).as(ended.toString()).containsOnly(204);
    assertThat(identity.createTenantQuery().userMember("test-operator").list()).extracting(t -> t.getId())
        .containsExactly(KITA);
  }

  private String readId(HttpResponse<String> answer) {
    try {
      return json.readTree(answer.body()).get("id").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldLogTheGrantAndLetTheAdminEndIt() throws Exception {
    SupportGrant grant = supportGrants.create(DEMO, "demo-admin", "test-operator", 1, "障害調査");
    assertThat(events.stream(OperationEvent.class).filter(event -> grant.id().toString().equals(event.target())))
        .extracting(OperationEvent::kind, OperationEvent::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("support-grant.created", "demo-admin"));
    assertThat(identity.createTenantQuery().userMember("test-operator").list()).extracting(t -> t.getId())
        .containsExactly(DEMO);

    assertThat(http.delete(Staffs.DEMO_ADMIN, GRANTS + "/" + grant.id()).statusCode()).isEqualTo(204);
    assertThat(http.delete(Staffs.DEMO_ADMIN, GRANTS + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(identity.createTenantQuery().userMember("test-operator").count()).isZero();
    assertThat(jdbc.queryForObject("SELECT ended_by FROM support_grant WHERE id = ?", String.class, grant.id()))
        .isEqualTo("demo-admin");
  }

  @Test
  void shouldDeleteAnEndedGrantWithItsReasonOnceTheLogThatRecordsItIsGone() {
    SupportGrant old = supportGrants.create(DEMO, "demo-admin", "test-operator", 1, "住民 山田花子 さんの申請の調査");
    supportGrants.end(DEMO, old.id(), "demo-admin");
    SupportGrant recent = supportGrants.create(DEMO, "demo-admin", "test-operator", 1, "障害調査");
    supportGrants.end(DEMO, recent.id(), "demo-admin");
    SupportGrant open = supportGrants.create(DEMO, "demo-admin", "test-operator", 1, "障害調査");
    int keptDays = jdbc.queryForObject("SELECT retention_days FROM audit_chain WHERE tenant_id = ?", Integer.class, DEMO);
    jdbc.update("UPDATE support_grant SET created_at = created_at - ? * interval '1 day', "
        + "ended_at = ended_at - ? * interval '1 day' WHERE id = ?", keptDays + 1, keptDays + 1, old.id());
    jdbc.update("UPDATE support_grant SET ended_at = ended_at - ? * interval '1 day' WHERE id = ?", keptDays - 1,
        recent.id());

    assertThat(retention.removeEndedGrants()).isPositive();

    assertThat(jdbc.queryForList("SELECT id FROM support_grant WHERE id = ANY (?)", UUID.class,
        (Object) new UUID[] {old.id(), recent.id(), open.id()})).containsExactlyInAnyOrder(recent.id(), open.id());
    supportGrants.end(DEMO, open.id(), "demo-admin");
  }

  @Test
  void shouldLetOnlyTheTenantAdminGiveAGrantWithAReasonAndALimit() throws Exception {
    String valid = "{\"operatorId\": \"test-operator\", \"hours\": 2, \"reason\": \"調査\"}";

    assertThat(http.post(Staffs.WASTE, GRANTS, valid).statusCode()).isEqualTo(403);
    assertThat(http.post(Staffs.KITA_ADMIN, GRANTS, valid).statusCode()).isEqualTo(403);
    assertThat(http.post(Staffs.OPERATOR, GRANTS, valid).statusCode()).isEqualTo(403);
    assertThat(http.post(Staffs.DEMO_ADMIN, GRANTS, valid.replace("\"hours\": 2", "\"hours\": 0")).statusCode())
        .isEqualTo(400);
    assertThat(http.post(Staffs.DEMO_ADMIN, GRANTS, valid.replace("\"hours\": 2", "\"hours\": 73")).statusCode())
        .isEqualTo(400);
    HttpResponse<String> notAnOperator = http.post(Staffs.DEMO_ADMIN, GRANTS, valid.replace("test-operator", "demo-clerk"));
    assertThat(notAnOperator.statusCode()).isEqualTo(400);
    assertThat(notAnOperator.body()).contains("operatorId");
    assertThat(http.post(Staffs.DEMO_ADMIN, GRANTS, valid.replace("調査", " ")).statusCode()).isEqualTo(400);
    assertThat(identity.createTenantQuery().userMember("test-operator").count()).isZero();
  }

  /** What the console's form or a script can get wrong: each a 400 with a message, nothing granted. */
  @Test
  void shouldRefuseMalformedGrantsWithAMessage() throws Exception {
    for (String body : new String[] {"null", "[]", "x", "{\"operatorId\": \"test-operator\", \"hours\": \"abc\", \"reason\": \"調査\"}",
        "{\"operatorId\": \"test-operator\", \"hours\": 1e12, \"reason\": \"調査\"}",
        "{\"operatorId\": [\"test-operator\"], \"hours\": 2, \"reason\": \"調査\"}",
        "{\"operatorId\": \"test-operator\", \"hours\": 2, \"reason\": \"" + "長".repeat(501) + "\"}"}) {
      HttpResponse<String> refused = http.post(Staffs.DEMO_ADMIN, GRANTS, body);
      assertThat(refused.statusCode()).as(body).isEqualTo(400);
      assertThat(json.readTree(refused.body()).path("message").asText()).as(body).isNotBlank();
    }
    assertThat(http.delete(Staffs.DEMO_ADMIN, GRANTS + "/not-a-grant").statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM support_grant WHERE ended_at IS NULL", Long.class)).isZero();
    assertThat(identity.createTenantQuery().userMember("test-operator").count()).isZero();
  }

  /** While a grant lasts the operator is a member of the tenant, but not its staff: not listed, not managed. */
  @Test
  void shouldKeepTheOperatorOffTheStaffListDuringAGrant() throws Exception {
    assertThat(http.post(Staffs.DEMO_ADMIN, GRANTS, "{\"operatorId\": \"test-operator\", \"hours\": 1, \"reason\": \"調査\"}")
        .statusCode()).isEqualTo(201);
    assertThat(identity.createTenantQuery().userMember("test-operator").singleResult().getId()).isEqualTo("demo");

    HttpResponse<String> staff = http.get(Staffs.DEMO_ADMIN, "/api/demo/admin/staff");
    assertThat(staff.statusCode()).isEqualTo(200);
    assertThat(json.readTree(staff.body()).findValuesAsText("id")).contains("demo-clerk").doesNotContain("test-operator");
    assertThat(http.post(Staffs.DEMO_ADMIN, "/api/demo/admin/staff/test-operator/password-reset", "{}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void shouldKeepOneMunicipalitysGrantsFromAnother() throws Exception {
    HttpResponse<String> given = http.post(Staffs.DEMO_ADMIN, GRANTS,
        "{\"operatorId\": \"test-operator\", \"hours\": 1, \"reason\": \"調査\"}");
    assertThat(given.statusCode()).isEqualTo(201);
    String id = json.readTree(given.body()).get("id").asText();

    assertThat(http.delete(Staffs.KITA_ADMIN, "/api/kita/admin/support-grants/" + id).statusCode()).isEqualTo(404);
    assertThat(http.get(Staffs.KITA_ADMIN, "/api/kita/admin/support-grants").body()).doesNotContain(id);
    assertThat(http.get(Staffs.KITA_ADMIN, GRANTS).statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT ended_at IS NULL FROM support_grant WHERE id = ?::uuid", Boolean.class, id))
        .isTrue();
  }
}
