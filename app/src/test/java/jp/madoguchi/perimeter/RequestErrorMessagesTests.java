package jp.madoguchi.perimeter;

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
import jp.madoguchi.LogCapture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that Spring answers itself (no controller took them, wrong method or content type, a
 * parameter of the wrong form, a refusal by Spring Security) get a Japanese message a person can act
 * on, without Java's type names; a Japanese message the app gave is kept.
 */
class RequestErrorMessagesTests extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldAnswerSpringsOwnRefusalsInJapanese() throws Exception {
    assertMessage(send("GET", "/api/demo/no-such-endpoint", null, null), 404, "見つかりません");
    HttpResponse<String> method = send("DELETE", "/api/demo/procedures", null, null);
    assertMessage(method, 405, "この操作 (HTTP メソッド) は使えません");
    assertThat(method.headers().firstValue("Allow")).as("the methods that work stay named").hasValueSatisfying(
        allow -> assertThat(allow).contains("GET"));
    assertMessage(send("POST", "/api/demo/applications", "text/plain", "x"), 415, "application/json");
    HttpResponse<String> mistyped = send("GET", "/api/demo/admin/documents/not-a-uuid", null, null,
        "Authorization", adminBasic());
    assertMessage(mistyped, 400, "パラメータ");
    assertThat(mistyped.body()).doesNotContain("java.", "UUID string");
    assertMessage(send("GET", "/actuator/env", null, null), 403, "許可されていません");
    // the error page itself, asked for by its address: Spring answered 500 ("status": 999)
    assertMessage(send("GET", "/error", null, null), 404, "見つかりません");
    assertThat(send("POST", "/error", "application/json", "{}").statusCode()).isBetween(400, 499);
  }

  @Test
  void shouldAnswerWhatTomcatRefusesBeforeAnyFilterInJapaneseJson() throws Exception {
    for (String path : new String[] {"/api/demo/admin%2Fnotifications", "/api/demo/procedures/%ff/apply-form",
        "/api/demo/applications/..%2f.."}) {
      HttpResponse<String> refused = send("GET", path, null, null);
      assertMessage(refused, 400, "リクエストの内容を読み取れません");
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
          assertThat(type).startsWith("application/json"));
    }
  }

  @Test
  void shouldNameTheFieldOfAWrongKindAndWhatItShouldBe() throws Exception {
    String admin = adminBasic();
    // the tenant admin API's own answer, and Spring's through /error (LINE 連携 has no handler of its own)
    assertMessage(send("PUT", "/api/demo/admin/ip-allow-list", "application/json", "{\"cidrs\": \"10.0.0.0/8\"}",
        "Authorization", admin), 400, "「cidrs」は配列");
    assertMessage(send("PUT", "/api/demo/admin/line/channel", "application/json", "{\"liffId\": [\"x\"]}",
        "Authorization", admin), 400, "「liffId」は文字列で指定してください");
    assertMessage(send("PATCH", "/api/demo/admin/staff/demo-clerk", "application/json",
        "{\"disabled\": \"maybe\"}", "Authorization", admin), 400, "「disabled」は true か false で指定");
    assertMessage(send("GET", "/api/demo/admin/access-log?page=abc", null, null, "Authorization", admin), 400,
        "パラメータ「page」は整数");
    assertMessage(send("POST", "/api/demo/applications", "application/json",
        "{\"procedureKey\": \"bulky-waste-collection\", \"data\": {}, \"clientRequestId\": \"not-a-uuid\"}"), 400,
        "「clientRequestId」は UUID");
    assertMessage(send("PUT", "/api/demo/admin/ip-allow-list", "application/json", "{\"cidrs\": [],",
        "Authorization", admin), 400, "JSON として読み取れません: 1 行目");
    assertMessage(send("PUT", "/api/demo/admin/ip-allow-list", "application/json", null, "Authorization", admin),
        400, "本文（JSON）がありません");
    assertMessage(send("POST", "/api/demo/attachments", "multipart/form-data; boundary=b",
        "--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\nx\r\n--b--\r\n", "Authorization", "Bearer x"), 400, "「file」のファイルがありません");
  }

  @Test
  void shouldRefuseABodyThatMeansTwoThings() throws Exception {
    String admin = adminBasic();
    // read as 365 and as 90 before: Jackson took the fraction's whole part and the last of two fields
    assertMessage(send("PUT", "/api/demo/admin/audit-retention", "application/json", "{\"retentionDays\": 365.5}",
        "Authorization", admin), 400, "「retentionDays」は整数");
    assertMessage(send("PUT", "/api/demo/admin/audit-retention", "application/json",
        "{\"retentionDays\": 365, \"retentionDays\": 90}", "Authorization", admin), 400,
        "JSON に「retentionDays」が二つあります");
    assertMessage(send("POST", "/api/demo/applications", "application/json",
        "{\"procedureKey\": \"bulky-waste-collection\", \"procedureKey\": \"child-allowance\", \"data\": {}}"), 400,
        "「procedureKey」が二つあります");
    HttpResponse<String> retention = send("GET", "/api/demo/admin/audit-retention", null, null, "Authorization", admin);
    assertThat(JSON.readTree(retention.body()).path("retentionDays").asInt()).as("nothing was changed").isNotEqualTo(90);
  }

  /**
   * Spring logged each of these refusals at WARN with the exception's text, which quotes what was
   * sent ("rejected value [...]", "Unrecognized token '...'", "from String \"...\""): a person's input
   * in the log. The refusal is still logged, without the values.
   */
  @Test
  void shouldLogARefusedRequestWithoutTheValuesItSent() throws Exception {
    String admin = adminBasic();
    String[] sent = {marker(), marker(), marker(), marker(), marker()};
    String log;
    try (LogCapture capture = LogCapture.atInfo()) {
      assertMessage(send("GET", "/api/demo/admin/access-log?page=" + sent[0], null, null, "Authorization", admin), 400,
          "パラメータ「page」は整数");
      assertMessage(send("GET", "/api/demo/admin/statistics?from=2026-04-01&to=" + sent[1], null, null,
          "Authorization", admin), 400, "");
      assertMessage(send("POST", "/api/demo/admin/exports", "application/json", "{\"includeSensitive\": " + sent[2] + "}",
          "Authorization", admin), 400, "JSON として読み取れません");
      assertMessage(send("POST", "/api/demo/admin/exports", "application/json",
          "{\"includeSensitive\": \"" + sent[3] + "\"}", "Authorization", admin), 400, "「includeSensitive」は true か false");
      assertMessage(send("GET", "/api/demo/admin/exports/" + sent[4], null, null, "Authorization", admin), 400,
          "パラメータ「id」は UUID");
      log = capture.text();
    }
    assertThat(log).as("the refusals are logged").contains("/api/{tenant}/admin/exports");
    for (String value : sent) {
      assertThat(log).as("the log quotes a value a client sent").doesNotContainIgnoringCase(value);
    }
  }

  /** A word no request, answer or log line holds unless this test sent it. */
  private static String marker() {
    return "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  @Test
  void shouldKeepAJapaneseMessageTheAppGave() throws Exception {
    assertMessage(send("POST", "/api/nosuch/applications", "application/json", "{}"), 404, "この自治体の窓口は見つかりません");
  }

  private static String adminBasic() {
    return "Basic " + Base64.getEncoder().encodeToString(("demo-admin:" + DEMO_ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static void assertMessage(HttpResponse<String> response, int status, String text) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("message").asText()).as(response.body()).contains(text);
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
