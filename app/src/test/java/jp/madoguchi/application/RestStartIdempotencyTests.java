package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.TestDates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A REST start whose answer was lost and that the client sends again with the same
 * {@code Idempotency-Key} creates one application, not two. Fails on the code before, which
 * ignored the header and started a second application.
 */
class RestStartIdempotencyTests extends IntegrationTest {

  private static final String START = "/engine-rest/process-definition/key/bulky-waste-collection/start";
  private static final String BODY = """
      {"variables": {
        "items": {"type": "Json", "value": "[{\\"name\\":\\"ソファ\\",\\"size\\":\\"L\\",\\"quantity\\":1}]"},
        "address": {"value": "デモ市中央1-2-3"},
        "applicantName": {"value": "山田 花子"}, "preferredDate1": {"value": "%s"},
        "phone": {"value": "090-1234-5678"}}}""".formatted(TestDates.daysAhead(14));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void shouldStartOnceAndAnswerTheRetryWithTheSameInstance() throws Exception {
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = start(key, "demo-admin", DEMO_ADMIN_PASSWORD);
    HttpResponse<String> retry = start(key, "demo-admin", DEMO_ADMIN_PASSWORD);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.headers().firstValue("Idempotency-Replayed")).contains("true");
    JsonNode started = json.readTree(first.body());
    JsonNode replayed = json.readTree(retry.body());
    for (String field : new String[] {"id", "businessKey", "definitionId", "tenantId"}) {
      assertThat(replayed.get(field)).as(field).isEqualTo(started.get(field));
    }
    assertThat(replayed.get("ended").asBoolean()).isFalse();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE number = ? AND tenant_id = ?", Long.class,
        started.get("businessKey").asText(), DEMO)).isEqualTo(1);
  }

  @Test
  void shouldStartAgainForAnotherKeyOrWithoutOne() throws Exception {
    JsonNode one = json.readTree(start(UUID.randomUUID().toString(), "demo-admin", DEMO_ADMIN_PASSWORD).body());
    JsonNode two = json.readTree(start(UUID.randomUUID().toString(), "demo-admin", DEMO_ADMIN_PASSWORD).body());
    JsonNode three = json.readTree(start(null, "demo-admin", DEMO_ADMIN_PASSWORD).body());

    assertThat(java.util.Set.of(one.get("id").asText(), two.get("id").asText(), three.get("id").asText())).hasSize(3);
  }

  @Test
  void shouldKeepKeysOfDifferentStaffApart() throws Exception {
    String key = UUID.randomUUID().toString();
    JsonNode admin = json.readTree(start(key, "demo-admin", DEMO_ADMIN_PASSWORD).body());
    HttpResponse<String> clerk = start(key, "demo-clerk", DEMO_CLERK_PASSWORD);

    assertThat(clerk.statusCode()).isEqualTo(200);
    assertThat(clerk.headers().firstValue("Idempotency-Replayed")).isEmpty();
    assertThat(json.readTree(clerk.body()).get("id").asText()).isNotEqualTo(admin.get("id").asText());
  }

  @Test
  void shouldRefuseAKeyThatIsNotAUuid() throws Exception {
    HttpResponse<String> response = start("my-key-1", "demo-admin", DEMO_ADMIN_PASSWORD);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("UUID");
  }

  private HttpResponse<String> start(String key, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + START))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(BODY));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
