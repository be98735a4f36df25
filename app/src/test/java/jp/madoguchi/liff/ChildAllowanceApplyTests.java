package jp.madoguchi.liff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.ChildAllowanceApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A resident files 児童手当 through the LIFF API: the server checks the data against child-allowance's apply form. */
class ChildAllowanceApplyTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ObjectMapper json;

  private String resident;

  @BeforeEach
  void publishLinesKeysForANewResident() {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    resident = LineIdTokens.newUserId();
  }

  @Test
  void shouldFileAChildAllowanceApplicationForTheClerksReview() throws Exception {
    HttpResponse<String> response = apply(ChildAllowanceApplications.data());

    assertThat(response.statusCode()).isEqualTo(201);
    String number = json.readTree(response.body()).get("applicationNumber").asText();
    String instanceId = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = 'demo' "
        + "AND number = ? AND resident_ref = ? AND procedure_key = 'child-allowance'", String.class, number, resident);
    BulkyWasteApplications.runJobs(management, instanceId);
    assertThat(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ReviewApplication");
  }

  @Test
  void shouldRefuseKanaDigitsListAndConsentMistakesAndStoreNothing() throws Exception {
    ObjectNode data = ChildAllowanceApplications.data();
    data.put("applicantKana", "やまだ はなこ").put("accountNumber", "123456").put("consent", false);
    ((ObjectNode) data.withArray("children").get(1)).remove("birthDate");
    ((ObjectNode) data.withArray("children").get(0)).put("kana", "Taro");
    data.remove("spouseName");
    data.put("applicantBirthDate", TestDates.daysAhead(1));

    HttpResponse<String> response = apply(data);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("applicantKana", "accountNumber", "consent", "children[1].birthDate",
        "children[0].kana", "spouseName", "フリガナ（全角カタカナ）", "applicantBirthDate",
        "「生年月日」には今日までの日付を入力してください");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE resident_ref = ?", Long.class, resident))
        .isZero();
  }

  @Test
  void shouldNotAskForTheSpouseWithoutOne() throws Exception {
    ObjectNode data = ChildAllowanceApplications.data().put("hasSpouse", "なし");
    data.remove("spouseName");

    assertThat(apply(data).statusCode()).isEqualTo(201);
  }

  private HttpResponse<String> apply(ObjectNode data) throws Exception {
    ObjectNode body = json.createObjectNode().put("procedureKey", "child-allowance")
        .put("clientRequestId", UUID.randomUUID().toString());
    body.set("data", data);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/demo/applications"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, resident))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
