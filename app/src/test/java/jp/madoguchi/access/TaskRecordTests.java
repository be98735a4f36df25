package jp.madoguchi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.StaffRequests;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the procedure sets on a task (due date, priority, name, description, the department as candidate
 * group) and the comments on it stay as they are; the follow-up date is the clerk's own reminder. Before,
 * a clerk moved the 期限 out of the overdue counts, took the task out of the department queue and deleted
 * a tenant admin's note.
 */
class TaskRecordTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  private StaffRequests http;
  private Applications applications;

  @BeforeEach
  void client() {
    http = new StaffRequests(port);
    applications = new Applications(engine, jdbc);
  }

  @Test
  void shouldLetTheClerkSetOnlyTheFollowUpDateOfATask() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.BULKY_WASTE);
    String task = "/engine-rest/task/" + application.taskId();
    Task before = task(application);
    ObjectNode shown = shown(http.get(Staffs.WASTE, task));

    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, Object> change : Map.<String, Object>of("due", "2030-01-01T00:00:00.000+0900",
        "priority", 99, "name", "x", "description", "zzz", "assignee", "demo-clerk").entrySet()) {
      ObjectNode changed = shown.deepCopy();
      changed.putPOJO(change.getKey(), change.getValue());
      HttpResponse<String> answer = http.put(Staffs.WASTE, task, json.writeValueAsString(changed));
      softly.assertThat(answer.statusCode()).as(change.getKey() + ": " + answer.body()).isEqualTo(403);
      softly.assertThat(answer.body()).contains("フォローアップ日");
    }
    softly.assertAll();
    ObjectNode followUp = shown.deepCopy();
    followUp.put("followUp", "2026-12-24T09:00:00.000+0900");
    assertThat(http.put(Staffs.WASTE, task, json.writeValueAsString(followUp)).statusCode()).isEqualTo(204);

    Task after = task(application);
    assertThat(after.getFollowUpDate()).isNotNull();
    assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
    assertThat(after.getPriority()).isEqualTo(before.getPriority());
    assertThat(after.getName()).isEqualTo(before.getName());
    assertThat(after.getDescription()).isEqualTo(before.getDescription());
    assertThat(after.getAssignee()).isNull();
  }

  @Test
  void shouldKeepTheSameRuleOnTheWebappsApi() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.BULKY_WASTE);
    StaffHttp.Browser tasklist = new StaffHttp(port).browser(null);
    tasklist.signIn(Staffs.WASTE.id(), Staffs.WASTE.password());
    String task = "/camunda/api/engine/engine/default/task/" + application.taskId();
    ObjectNode shown = shown(tasklist.get(task));

    ObjectNode due = shown.deepCopy().put("due", "2030-01-01T00:00:00.000+0900");
    ObjectNode followUp = shown.deepCopy().put("followUp", "2026-12-24T09:00:00.000+0900");

    assertThat(tasklist.call("PUT", task, json.writeValueAsString(due)).statusCode()).isEqualTo(403);
    assertThat(tasklist.call("PUT", task, json.writeValueAsString(followUp)).statusCode()).isEqualTo(204);
    assertThat(task(application).getFollowUpDate()).isNotNull();
  }

  @Test
  void shouldKeepTheDepartmentAsTheTasksCandidateGroup() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.BULKY_WASTE);
    String links = "/engine-rest/task/" + application.taskId() + "/identity-links";

    List<HttpResponse<String>> answers = List.of(
        http.post(Staffs.WASTE, links + "/delete", "{\"groupId\": \"waste-section\", \"type\": \"candidate\"}"),
        http.post(Staffs.WASTE, links, "{\"groupId\": \"child-section-chief\", \"type\": \"candidate\"}"),
        http.post(Staffs.DEMO_ADMIN, links, "{\"userId\": \"demo-clerk\", \"type\": \"candidate\"}"));

    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
      assertThat(answer.body()).contains("候補グループ");
    }
    assertThat(engine.getTaskService().getIdentityLinksForTask(application.taskId()))
        .extracting(IdentityLink::getGroupId, IdentityLink::getUserId, IdentityLink::getType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("waste-section", null, "candidate"));
  }

  @Test
  void shouldKeepEveryCommentAsPartOfTheRecord() throws Exception {
    Applications.Open application = applications.waitingForReview(Procedure.BULKY_WASTE);
    String comments = "/engine-rest/task/" + application.taskId() + "/comment";
    String admins = commentId(http.post(Staffs.DEMO_ADMIN, comments + "/create", "{\"message\": \"責任者の所見: 書類不備あり\"}"));
    String own = commentId(http.post(Staffs.WASTE, comments + "/create", "{\"message\": \"電話で確認済み\"}"));
    String instanceComments = "/engine-rest/process-instance/" + application.id() + "/comment";

    List<HttpResponse<String>> answers = List.of(
        http.delete(Staffs.WASTE, comments + "/" + admins),
        http.delete(Staffs.WASTE, comments + "/" + own),
        http.delete(Staffs.WASTE, comments),
        http.delete(Staffs.DEMO_ADMIN, comments),
        http.delete(Staffs.DEMO_ADMIN, instanceComments + "/" + admins),
        http.delete(Staffs.DEMO_ADMIN, instanceComments));

    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri() + ": " + answer.body())
          .isEqualTo(403);
    }
    HttpResponse<String> edit = http.put(Staffs.WASTE, comments, "{\"id\": \"" + own + "\", \"message\": \"書き換え\"}");
    assertThat(edit.statusCode()).as("editing was refused before").isEqualTo(400);
    assertThat(edit.body()).doesNotContain("削除");
    assertThat(engine.getTaskService().getTaskComments(application.taskId()))
        .extracting(comment -> comment.getFullMessage())
        .containsExactlyInAnyOrder("責任者の所見: 書類不備あり", "電話で確認済み");
  }

  /**
   * The task as GET shows it, to send back changed. Without {@code camundaFormRef}: Camunda 7.24 cannot
   * read its own value back (400, also for Tasklist's own date fields on a task with a Camunda Form).
   */
  private ObjectNode shown(HttpResponse<String> task) throws Exception {
    ObjectNode shown = (ObjectNode) json.readTree(task.body());
    shown.remove("camundaFormRef");
    return shown;
  }

  private String commentId(HttpResponse<String> created) throws Exception {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return json.readTree(created.body()).get("id").asText();
  }

  private Task task(Applications.Open application) {
    return engine.getTaskService().createTaskQuery().taskId(application.taskId()).singleResult();
  }
}
