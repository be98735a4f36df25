package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The clerk's way through Tasklist's own API: log in with a session, list the department's tasks, decide. */
class TasklistLoginTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired ObjectMapper json;

  @Test
  void shouldLetTheDemoClerkLogInToTasklistAndDecideATask() throws Exception {
    String instanceId = TenantContext.callAs(DEMO,
        () -> runtime.startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid())).getId();
    BulkyWasteApplications.runJobs(management, instanceId);

    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    HttpResponse<String> page = browser.send(request("/camunda/app/tasklist/default/").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.headers().map().toString()).isEqualTo(200);
    String xsrf = xsrfToken(cookies);

    HttpResponse<String> wrongLogin = browser.send(login(xsrf, "nobody", "not-the-password"),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrongLogin.statusCode()).isEqualTo(401);
    HttpResponse<String> login = browser.send(login(xsrf, "demo-clerk", DEMO_CLERK_PASSWORD),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(json.readTree(login.body()).get("authorizedApps").toString()).contains("tasklist");

    JsonNode tasks = json.readTree(browser.send(request("/camunda/api/engine/engine/default/task?processInstanceId="
        + instanceId).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    xsrf = xsrfToken(cookies); // the session that login created came with a new token

    HttpResponse<String> submitted = browser.send(request("/camunda/api/engine/engine/default/task/" + taskId
        + "/submit-form").header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"variables": {"decision": {"value": "reject"}, "rejectReason": {"value": "対象外の品目です。"}}}"""))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    BulkyWasteApplications.runJobs(management, instanceId); // the rejection notice
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityId("Event_Rejected")
        .count()).isEqualTo(1);
  }

  private static String xsrfToken(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b)
        .orElseThrow();
  }

  private HttpRequest login(String xsrf, String user, String password) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("X-XSRF-TOKEN", xsrf)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }
}
