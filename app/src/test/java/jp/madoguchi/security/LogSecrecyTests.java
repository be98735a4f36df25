package jp.madoguchi.security;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static jp.madoguchi.security.PerimeterAttackTests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.TestDates;
import jp.madoguchi.TestFolders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A resident's whole journey — submission on the resident API, LINE notification, the clerk's
 * decision, the decision's notification — with the logging a default install has (Spring Boot's
 * defaults at INFO plus what the app's application.yaml sets), into a log file that is then searched
 * for the channel access token, the address and the phone number. Attacks that used to put data
 * into the log (a NUL character in an address, a Spin parse failure) are part of the journey.
 */
@Tag("own-jvm")
class LogSecrecyTests {

  private static final String ADDRESS = "デモ市ログ確認町9-8-7";
  private static final String PHONE = "080-4455-6677";
  private static final String HTTP_PREFIX = "http://localhost:";

  @Test
  void shouldKeepSecretsAndResidentsDataOutOfTheLogOfAFullJourney() throws Exception {
    String accessToken = "journey-access-token-" + UUID.randomUUID();
    Path work = TestFolders.create("madoguchi-log-");
    Path log = work.resolve("madoguchi.log");
    Path seed = work.resolve("tenants.yaml");
    Files.writeString(seed, new String(getClass().getResourceAsStream("/seed/test-tenants.yaml").readAllBytes(),
        StandardCharsets.UTF_8).replace("channelAccessToken: \"demo-token\"", "channelAccessToken: \"" + accessToken + "\""));
    WireMockServer line = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    line.start();
    line.stubFor(post(urlEqualTo("/v2/bot/message/push")).willReturn(okJson("{\"sentMessages\":[]}")));
    line.stubFor(post(urlEqualTo("/v2/bot/message/reply")).willReturn(ok()));
    LineIdTokens.publish(line, LineIdTokens.LINE);
    MadoguchiApplication.useJapanStandardTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MadoguchiApplication.class).run(
        "--server.port=0",
        // Spring Boot's default logging, as an install has it (the test classpath's logback-test.xml is quieter)
        "--logging.config=classpath:benchmark/default-logging.xml",
        "--logging.file.name=" + log,
        "--madoguchi.embedded-db.data-dir=" + work.resolve("data"),
        "--madoguchi.tenants-seed=" + seed,
        "--madoguchi.line.api-base-url=" + line.baseUrl(),
        "--madoguchi.line.data-api-base-url=" + line.baseUrl())) {
      String base = HTTP_PREFIX + app.getEnvironment().getProperty("local.server.port");
      Journey journey = new Journey(base);
      String resident = LineIdTokens.newUserId();

      assertThat(journey.submit(resident, ADDRESS + "\u0000").statusCode()).isEqualTo(400);
      assertThat(journey.startWithBrokenJson().statusCode()).isEqualTo(400);
      HttpResponse<String> submitted = journey.submit(resident, ADDRESS);
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
      journey.awaitPushes(line, 1);
      journey.approveAsClerk(new ObjectMapper().readTree(submitted.body()).get("applicationNumber").asText());
      journey.awaitPushes(line, 2);
    } finally {
      line.stop();
    }

    String written = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(written).as("the log was captured").contains("Tomcat started on port");
    assertThat(written).doesNotContain(accessToken).doesNotContain(ADDRESS).doesNotContain(PHONE)
        .doesNotContain("090-1234-5678");
  }

  /** What the resident's LIFF page and the clerk's Tasklist send, over HTTP. */
  private record Journey(String base) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    HttpResponse<String> submit(String resident, String address) throws Exception {
      ObjectMapper json = new ObjectMapper();
      ObjectNode data = json.createObjectNode();
      data.putArray("items").addObject().put("name", "ソファ").put("size", "L").put("quantity", 1);
      data.put("address", address).put("phone", PHONE).put("applicantName", "山田 花子").put("preferredDate1", TestDates.daysAhead(14));
      ObjectNode request = json.createObjectNode().put("procedureKey", "bulky-waste-collection")
          .put("clientRequestId", UUID.randomUUID().toString());
      request.set("data", data);
      return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/demo/applications"))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, resident))
          .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> startWithBrokenJson() throws Exception {
      return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/process-definition/key/"
              + "bulky-waste-collection/start")).header("Content-Type", "application/json")
          .header("Authorization", basic("demo-admin", "Madoguchi-Admin-2026!"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {\"address\": {\"value\": \"" + ADDRESS
              + "\"}, \"items\": {\"type\": \"Json\", \"value\": \"[{\\\"name\\\": " + PHONE + "\"}}}")).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    void approveAsClerk(String number) throws Exception {
      String clerk = basic("demo-clerk", "Madoguchi-Clerk-2026!");
      JsonNode tasks = new ObjectMapper().readTree("[]");
      for (int i = 0; i < 100 && tasks.isEmpty(); i++) {
        tasks = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base
            + "/engine-rest/task?processInstanceBusinessKey=" + number)).header("Authorization", clerk).build(),
            HttpResponse.BodyHandlers.ofString()).body());
        if (tasks.isEmpty()) {
          Thread.sleep(300);
        }
      }
      assertThat(tasks).as("the review task of " + number).hasSize(1);
      HttpResponse<String> completed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/task/"
              + tasks.get(0).get("id").asText() + "/complete")).header("Content-Type", "application/json")
          .header("Authorization", clerk).POST(HttpRequest.BodyPublishers.ofString("""
              {"variables": {"decision": {"value": "approve"}, "collectionDate": {"value": "%s"},
                "fee": {"value": 1200}, "ticketNumber": {"value": "T-2026-0001"}}}""".formatted(TestDates.daysAhead(14))))
          .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }

    void awaitPushes(WireMockServer line, int pushes) throws InterruptedException {
      for (int i = 0; i < 300 && line.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push"))).size() < pushes; i++) {
        Thread.sleep(200);
      }
      assertThat(line.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push")))).hasSizeGreaterThanOrEqualTo(pushes);
    }
  }
}
