package jp.madoguchi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.StaffRequests.Staff;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clerk reads and acts on an application only when one of their groups is a department of its
 * procedure: tasks, instance, runtime and history variables, files, documents and staff uploads, for
 * each of the four procedures, through /engine-rest and Madoguchi's staff API. Fails on the code before
 * department isolation, where every clerk group had READ_HISTORY on every procedure and every staff
 * member of the tenant could fetch every file and document.
 */
class DepartmentIsolationTests extends IntegrationTest {

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

  @ParameterizedTest
  @EnumSource(Procedure.class)
  void shouldShowAnApplicationOnlyToItsProceduresDepartmentsAndTheTenantAdmin(Procedure procedure) throws Exception {
    Applications.Open application = applications.waitingForReview(procedure);
    String photo = json.readTree(http.upload(procedure.department(), "/api/demo/admin/applications/"
        + application.number() + "/attachments", "after.png", Applications.png()).body()).get("id").asText();

    SoftAssertions softly = new SoftAssertions();
    for (Staff insider : List.of(procedure.department(), Staffs.DEMO_ADMIN)) {
      softly.assertThat(json.readTree(get(insider, "/engine-rest/task?processInstanceId=" + application.id())))
          .as("%s sees the %s task", insider.id(), procedure).hasSize(1);
      softly.assertThat(get(insider, "/engine-rest/process-instance/" + application.id() + "/variables"))
          .as("%s reads the %s variables", insider.id(), procedure).contains(procedure.personalValue());
      softly.assertThat(get(insider, "/engine-rest/history/variable-instance?processInstanceId=" + application.id()))
          .contains(procedure.personalValue());
      softly.assertThat(http.download(insider, "/api/demo/admin/attachments/" + photo).statusCode()).isEqualTo(200);
      softly.assertThat(http.download(insider, "/api/demo/admin/documents/" + application.receipt()).statusCode())
          .isEqualTo(200);
    }
    for (Staff outsider : procedure.outsiders()) {
      String who = outsider.id() + " on " + procedure;
      softly.assertThat(json.readTree(get(outsider, "/engine-rest/task?processInstanceId=" + application.id())))
          .as(who).isEmpty();
      softly.assertThat(status(outsider, "/engine-rest/process-instance/" + application.id())).as(who).isEqualTo(404);
      softly.assertThat(status(outsider, "/engine-rest/process-instance/" + application.id() + "/variables"))
          .as(who).isEqualTo(404);
      softly.assertThat(json.readTree(get(outsider, "/engine-rest/history/process-instance?processInstanceId="
          + application.id()))).as(who).isEmpty();
      softly.assertThat(json.readTree(get(outsider, "/engine-rest/history/variable-instance?processInstanceId="
          + application.id()))).as(who).isEmpty();
      softly.assertThat(json.readTree(get(outsider, "/engine-rest/history/task?processInstanceId="
          + application.id()))).as(who).isEmpty();
      softly.assertThat(get(outsider, "/engine-rest/history/detail?processInstanceId=" + application.id()))
          .as(who).isEqualTo("[]");
      // the tenant's staff get the 404 of an unknown id; anyone else is not staff of tenant demo at all
      int refused = Staffs.ofDemo(outsider) ? 404 : 403;
      softly.assertThat(http.download(outsider, "/api/demo/admin/attachments/" + photo).statusCode()).as(who)
          .isEqualTo(refused);
      softly.assertThat(http.download(outsider, "/api/demo/admin/documents/" + application.receipt()).statusCode())
          .as(who).isEqualTo(refused);
      softly.assertThat(http.get(outsider, "/api/demo/admin/applications/" + application.number() + "/upload")
          .statusCode()).as(who).isEqualTo(refused);
      softly.assertThat(http.upload(outsider, "/api/demo/admin/applications/" + application.number() + "/attachments",
          "evil.png", Applications.png()).statusCode()).as(who + " adds a photo").isEqualTo(refused);
    }
    softly.assertAll();
    assertThat(applications.staffAttachments(application)).as("only the department's photo").hasSize(1);
  }

  /** Tasklist's first page of 「部署の未処理」 (HAL, as Tasklist asks for it): the card's facts are the application's. */
  @ParameterizedTest
  @EnumSource(Procedure.class)
  void shouldShowTheApplicationOnItsDepartmentsTasklistCardOnly(Procedure procedure) throws Exception {
    Applications.Open application = applications.waitingForReview(procedure);

    String queue = engine.getFilterService().createFilterQuery().filterName("部署の未処理 (Department queue)")
        .singleResult().getId();
    JsonNode cards = departmentQueue(queue, procedure.department(), application);
    assertThat(cards).hasSize(1);
    Map<String, String> shown = new HashMap<>();
    cards.get(0).path("_embedded").path("variable").forEach(variable ->
        shown.put(variable.get("name").asText(), variable.get("value").asText()));
    assertThat(shown).containsEntry("applicationNumber", application.number());
    for (String name : List.of("applicantName", "cardSubject")) {
      Object value = engine.getRuntimeService().getVariable(application.id(), name);
      if (value != null) {
        assertThat(shown).as(name).containsEntry(name, value.toString());
      }
    }
    assertThat(shown.get("cardSubject")).as("the address or subject").isNotBlank();
    for (Staff outsider : procedure.outsiders()) {
      assertThat(departmentQueue(queue, outsider, application)).as(outsider.id() + " on " + procedure).isEmpty();
    }
  }

  private JsonNode departmentQueue(String filter, Staff staff, Applications.Open application) throws Exception {
    HttpResponse<String> page = http.send(staff, http.request("/engine-rest/filter/" + filter
        + "/list?firstResult=0&maxResults=15").header("Accept", "application/hal+json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"processInstanceId\": \"" + application.id() + "\"}")));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return json.readTree(page.body()).path("_embedded").path("task");
  }

  @ParameterizedTest
  @EnumSource(Procedure.class)
  void shouldAnswerAnotherDepartmentsIdsLikeUnknownOnes(Procedure procedure) throws Exception {
    Applications.Open application = applications.waitingForReview(procedure);
    Staff outsider = procedure.outsiders().get(0);
    HttpResponse<String> existing = http.post(outsider, "/engine-rest/task/" + application.taskId() + "/claim",
        "{\"userId\": \"" + outsider.id() + "\"}");
    HttpResponse<String> unknown = http.post(outsider, "/engine-rest/task/" + UUID.randomUUID() + "/claim",
        "{\"userId\": \"" + outsider.id() + "\"}");

    assertThat(existing.statusCode()).isEqualTo(404);
    assertThat(existing.body()).isEqualTo(unknown.body()).doesNotContain(procedure.key());
  }

  /** The body of a 200; anything else as text that no assertion on a list or a value accepts. */
  private String get(Staff staff, String path) throws Exception {
    HttpResponse<String> response = http.get(staff, path);
    return response.statusCode() == 200 ? response.body() : "{\"status\": " + response.statusCode() + "}";
  }

  private int status(Staff staff, String path) throws Exception {
    return http.get(staff, path).statusCode();
  }
}
