package jp.madoguchi.security;

import static jp.madoguchi.security.PerimeterAttackTests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.LineWebhooks;
import jp.madoguchi.TestDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed input on every kind of endpoint — resident API, staff API, provider callbacks, the LINE
 * webhook, the verification page, Camunda's REST API and webapp API — must get a 4xx with a reason
 * in Japanese, never a 5xx. One row per attack: deep nesting, NUL characters, refused variable
 * types, broken JSON, XML and multipart bodies, negative paging, weak passwords; numbers beyond what
 * a form field can hold are a violation of that field.
 */
class MalformedInputSweepTests extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NUL = "\u0000";

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private String bearer;

  record Attack(String name, String method, String path, Map<String, String> headers, String contentType, byte[] body) {
  }

  @BeforeEach
  void publishKeys() {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    bearer = "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, LineIdTokens.newUserId());
  }

  @TestFactory
  Stream<DynamicTest> shouldAnswerEveryMalformedInputWithAReasonedClientError() {
    return attacks().stream().map(attack -> DynamicTest.dynamicTest(attack.name(), () -> {
      HttpResponse<String> response = send(attack);
      assertThat(response.statusCode()).as(attack.name() + " → " + response.body()).isBetween(400, 499);
      if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
        assertThat(JSON.readTree(response.body()).path("message").asText()).as("a reason in Japanese")
            .containsPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
      }
    }));
  }

  @Test
  void shouldRefuseANumberNoFieldCanHoldAsAViolationOfThatField() throws Exception {
    // 1e400 is read as an infinite double; the 20-digit integer is beyond a long
    for (String copies : List.of("1e400", "-1e400", "18446744073709551617")) {
      HttpResponse<String> response = send(json("resident: copies " + copies, "POST", "/api/demo/applications",
          Map.of("Authorization", bearer), "{\"procedureKey\":\"resident-certificate\",\"clientRequestId\":\""
              + UUID.randomUUID() + "\",\"data\":{\"copies\":" + copies + "}}"));
      assertThat(response.statusCode()).as(copies + " → " + response.body()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).path("violations")).as(copies + " → " + response.body())
          .anySatisfy(violation -> assertThat(violation.path("field").asText()).isEqualTo("copies"));
    }
  }

  private List<Attack> attacks() {
    String admin = basic("demo-admin", DEMO_ADMIN_PASSWORD);
    String clerk = basic("demo-clerk", DEMO_CLERK_PASSWORD);
    String operator = basic("test-operator", "Operator-Pass-2026!");
    String start = "/engine-rest/process-definition/key/bulky-waste-collection/start";
    List<Attack> attacks = new ArrayList<>();
    // resident API (a valid ID token: the checks behind it are reached)
    attacks.add(json("resident: 900 levels of objects", "POST", "/api/demo/applications", Map.of("Authorization", bearer),
        "{\"procedureKey\":\"bulky-waste-collection\",\"clientRequestId\":\"" + UUID.randomUUID() + "\",\"data\":{\"x\":"
            + objects(900) + "}}"));
    attacks.add(json("resident: 900 levels of arrays in a correction", "POST", "/api/demo/applications/2026-000001/correction",
        Map.of("Authorization", bearer), "{\"data\":{\"items\":" + arrays(900) + "}}"));
    attacks.add(json("resident: 900 levels before the ID token is checked", "POST", "/api/demo/applications", Map.of(),
        objects(900)));
    attacks.add(json("resident: NUL in a text field", "POST", "/api/demo/applications", Map.of("Authorization", bearer),
        submission("bulky-waste-collection", bulkyWaste().put("address", "デモ市" + NUL + "中央1-2-3"))));
    attacks.add(json("resident: NUL in a field name", "POST", "/api/demo/applications", Map.of("Authorization", bearer),
        submission("bulky-waste-collection", bulkyWaste().put("note" + NUL, "x"))));
    attacks.add(json("resident: not JSON", "POST", "/api/demo/applications", Map.of("Authorization", bearer), "{\"procedureKey\":"));
    attacks.add(json("resident: an array instead of an object", "POST", "/api/demo/applications",
        Map.of("Authorization", bearer), "[]"));
    attacks.add(json("resident: clientRequestId not a UUID", "POST", "/api/demo/applications",
        Map.of("Authorization", bearer), "{\"procedureKey\":\"bulky-waste-collection\",\"data\":{},\"clientRequestId\":\"1\"}"));
    attacks.add(json("resident: a file upload sent as JSON", "POST", "/api/demo/attachments",
        Map.of("Authorization", bearer), "{}"));
    attacks.add(raw("resident: a broken multipart body", "POST", "/api/demo/attachments", Map.of("Authorization", bearer),
        "multipart/form-data; boundary=x", "--x\r\nbroken"));
    // staff API
    attacks.add(json("staff: a photo sent as JSON", "POST", "/api/demo/admin/applications/2026-000001/attachments",
        Map.of("Authorization", admin), "{}"));
    attacks.add(raw("staff: a broken certificate upload", "PUT", "/api/demo/admin/documents/signing-certificate",
        Map.of("Authorization", admin), "multipart/form-data; boundary=x", "--x\r\nbroken"));
    attacks.add(json("staff: retry of an id that is not one", "POST", "/api/demo/admin/notifications/" + NUL + "/retry",
        Map.of("Authorization", admin), "{}"));
    attacks.add(raw("staff: NUL in a query", "GET", "/api/demo/admin/notifications?status=%00",
        Map.of("Authorization", admin), null, null));
    // LINE webhook (signed: past the signature) and provider callbacks (unsigned)
    String deepEvent = "{\"destination\":\"x\",\"events\":[" + objects(900) + "]}";
    attacks.add(raw("webhook: 900 levels, signed", "POST", "/line/demo/webhook",
        Map.of("x-line-signature", LineWebhooks.sign(LineWebhooks.DEMO_SECRET, bytes(deepEvent))), "application/json",
        deepEvent));
    String nulEvent = LineWebhooks.body(LineWebhooks.textEvent(LineWebhooks.newEventId(), LineIdTokens.newUserId(),
        "r", "申" + NUL + "請", false)).replace(NUL, "\\u0000");
    attacks.add(raw("webhook: NUL in a message, signed", "POST", "/line/demo/webhook",
        Map.of("x-line-signature", LineWebhooks.sign(LineWebhooks.DEMO_SECRET, bytes(nulEvent))), "application/json",
        nulEvent));
    attacks.add(json("payment callback: 900 levels", "POST", "/payment/demo/callback",
        Map.of("X-Madoguchi-Signature", "Ym9ndXM="), objects(900)));
    attacks.add(json("identity callback: not JSON", "POST", "/identity/demo/callback",
        Map.of("X-Madoguchi-Signature", "Ym9ndXM="), "{"));
    // verification page
    attacks.add(raw("verify: a broken upload", "POST", "/verify/demo/" + UUID.randomUUID(), Map.of(),
        "multipart/form-data; boundary=x", "--x\r\nbroken"));
    // Camunda REST API
    attacks.add(json("engine-rest: 900 levels of variables", "POST", start, Map.of("Authorization", admin),
        "{\"variables\":" + objects(900) + "}"));
    attacks.add(json("engine-rest: Json variable nested 1500 levels", "POST", start, Map.of("Authorization", admin),
        variable("{\"type\":\"Json\",\"value\":" + quoted(objects(1500)) + "}")));
    attacks.add(json("engine-rest: Json variable that is not JSON", "POST", start, Map.of("Authorization", admin),
        variable("{\"type\":\"Json\",\"value\":\"{not json\"}")));
    attacks.add(json("engine-rest: Xml variable", "POST", start, Map.of("Authorization", admin),
        variable("{\"type\":\"Xml\",\"value\":\"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>\"}")));
    attacks.add(json("engine-rest: Java-serialized variable", "POST", start, Map.of("Authorization", admin),
        variable("{\"type\":\"Object\",\"value\":\"rO0ABXQAA2FiYw==\",\"valueInfo\":{\"objectTypeName\":"
            + "\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}")));
    attacks.add(json("engine-rest: Object variable of an arbitrary class", "POST", start, Map.of("Authorization", admin),
        variable("{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":{\"objectTypeName\":\"java.lang.ProcessBuilder\","
            + "\"serializationDataFormat\":\"application/json\"}}")));
    attacks.add(json("engine-rest: NUL in a String variable", "POST", start, Map.of("Authorization", admin),
        variable("{\"value\":\"a\\u0000b\"}")));
    attacks.add(json("engine-rest: NUL in a business key", "POST", "/engine-rest/message", Map.of("Authorization", clerk),
        "{\"messageName\":\"CorrectionSubmitted\",\"businessKey\":\"2026\\u0000\"}"));
    attacks.add(raw("engine-rest: NUL in a query parameter", "GET", "/engine-rest/user?id=a%00b",
        Map.of("Authorization", admin), null, null));
    attacks.add(raw("engine-rest: negative maxResults", "GET", "/engine-rest/task?maxResults=-5",
        Map.of("Authorization", clerk), null, null));
    attacks.add(raw("engine-rest: negative firstResult", "GET", "/engine-rest/process-instance?firstResult=-1",
        Map.of("Authorization", admin), null, null));
    attacks.add(json("engine-rest: weak password from a clerk (no right to create users)", "POST",
        "/engine-rest/user/create", Map.of("Authorization", clerk), newUser("weak")));
    attacks.add(json("engine-rest: weak password from an operator", "POST", "/engine-rest/user/create",
        Map.of("Authorization", operator), newUser("weak")));
    attacks.add(raw("engine-rest: a deployment that is not XML", "POST", "/engine-rest/deployment/create",
        Map.of("Authorization", operator), "multipart/form-data; boundary=x",
        "--x\r\nContent-Disposition: form-data; name=\"a.bpmn\"; filename=\"a.bpmn\"\r\n\r\n<not xml\r\n--x--\r\n"));
    attacks.add(raw("engine-rest: NUL in a deployment name", "POST", "/engine-rest/deployment/create",
        Map.of("Authorization", operator), "multipart/form-data; boundary=x",
        "--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\na" + NUL + "b\r\n"
            + "--x\r\nContent-Disposition: form-data; name=\"a.bpmn\"; filename=\"a.bpmn\"\r\n\r\n<not xml\r\n--x--\r\n"));
    return attacks;
  }

  private ObjectNode bulkyWaste() {
    ObjectNode data = JSON.createObjectNode();
    data.putArray("items").addObject().put("name", "ソファ").put("size", "L").put("quantity", 1);
    return data.put("address", "デモ市中央1-2-3").put("applicantName", "山田 花子").put("preferredDate1", TestDates.daysAhead(14)).put("phone", "090-1234-5678");
  }

  private static String submission(String procedure, ObjectNode data) {
    ObjectNode body = JSON.createObjectNode().put("procedureKey", procedure).put("clientRequestId", UUID.randomUUID().toString());
    body.set("data", data);
    return body.toString();
  }

  private static String newUser(String password) {
    return "{\"profile\":{\"id\":\"perimeter-" + UUID.randomUUID().toString().substring(0, 8)
        + "\",\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@example.jp\"},\"credentials\":{\"password\":\""
        + password + "\"}}";
  }

  private static String variable(String dto) {
    return "{\"variables\":{\"x\":" + dto + "}}";
  }

  static String objects(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  static String arrays(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Attack json(String name, String method, String path, Map<String, String> headers, String body) {
    return raw(name, method, path, headers, "application/json", body);
  }

  private static Attack raw(String name, String method, String path, Map<String, String> headers, String contentType,
      String body) {
    return new Attack(name, method, path, headers, contentType, body == null ? null : bytes(body));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(Attack attack) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + attack.path().replace(NUL, "%00"))).method(attack.method(), attack.body() == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
    if (attack.contentType() != null) {
      request.header("Content-Type", attack.contentType());
    }
    attack.headers().forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
