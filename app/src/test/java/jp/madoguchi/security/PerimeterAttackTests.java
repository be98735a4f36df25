package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jp.madoguchi.TestDates;
import jp.madoguchi.database.EmbeddedDatabase;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.LineWebhooks;
import jp.madoguchi.security.StreamedBodies.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The perimeter as an attacker meets it, against the running app: bodies too large to read,
 * cross-site requests with a staff member's browser credentials, the webapp session, headers of
 * our own pages, tenants that do not exist, the embedded database's port, the LINE SDK's wire log.
 * Malformed input on every endpoint is swept in {@link MalformedInputSweepTests}.
 */
class PerimeterAttackTests extends IntegrationTest {

  private static final long HUGE = 250L * 1024 * 1024;
  /** The limits are 1 MB and less; with the socket buffers on both ends a refused client gets a few MB out. */
  private static final long SENT_BEFORE_REFUSAL = 40L * 1024 * 1024;
  private static final String EVIL = "https://evil.example";

  @LocalServerPort int port;
  @Autowired EmbeddedDatabase embeddedPostgres;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void publishKeys() {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
  }

  @Test
  void shouldRefuseHugeBodiesBeforeReadingThemWithMemoryBounded() throws Exception {
    AtomicLong peakHeap = new AtomicLong();
    long baseline = usedHeap();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peakHeap.accumulateAndGet(usedHeap(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    String token = LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, LineIdTokens.newUserId());
    List<Callable<String>> attacks = new ArrayList<>();
    for (boolean chunked : new boolean[] {false, true}) {
      attacks.add(huge("/line/demo/webhook", Map.of("x-line-signature", "Ym9ndXM="), chunked));
      attacks.add(huge("/line/demo/webhook", Map.of("x-line-signature", "Ym9ndXM="), chunked));
      attacks.add(huge("/line/demo/webhook", Map.of("x-line-signature", "Ym9ndXM="), chunked));
      attacks.add(huge("/payment/demo/callback", Map.of("X-Madoguchi-Signature", "Ym9ndXM="), chunked));
      attacks.add(huge("/identity/demo/callback", Map.of("X-Madoguchi-Signature", "Ym9ndXM="), chunked));
      attacks.add(huge("/api/demo/applications", Map.of("Authorization", "Bearer " + token), chunked));
      attacks.add(huge("/api/demo/applications", Map.of(), chunked));
      attacks.add(huge("/engine-rest/process-definition/key/bulky-waste-collection/start", Map.of(), chunked));
    }
    ExecutorService parallel = Executors.newFixedThreadPool(3);
    try {
      List<String> refusedLate = new ArrayList<>();
      for (Future<String> attack : parallel.invokeAll(attacks)) {
        if (!attack.get().isEmpty()) {
          refusedLate.add(attack.get());
        }
      }
      assertThat(refusedLate).as("bodies not refused with 413 before they were read").isEmpty();
    } finally {
      parallel.shutdownNow();
      sampler.interrupt();
    }
    assertThat(peakHeap.get() - baseline).as("heap growth while 250 MB bodies arrived")
        .isLessThan(300L * 1024 * 1024);
  }

  private Callable<String> huge(String path, Map<String, String> headers, boolean chunked) {
    return () -> {
      Map<String, String> all = new java.util.HashMap<>(headers);
      all.put("Content-Type", "application/json");
      Outcome outcome = StreamedBodies.post(port, path, all, HUGE, chunked);
      return outcome.status() == 413 && outcome.sentBytes() < SENT_BEFORE_REFUSAL ? ""
          : path + (chunked ? " (chunked)" : "") + ": " + outcome;
    };
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void shouldRefuseAStaffUploadFromAnotherSiteWithCachedBasicCredentials() throws Exception {
    String number = openApplication();
    assertThat(staffUpload(number, Map.of("Authorization", basic("demo-admin", DEMO_ADMIN_PASSWORD),
        "Origin", EVIL)).statusCode()).isEqualTo(403);
    assertThat(staffUpload(number, Map.of("Authorization", basic("demo-admin", DEMO_ADMIN_PASSWORD),
        "Origin", EVIL, "Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
    // curl and scripts send no Origin; the app's own pages send their own
    assertThat(staffUpload(number, Map.of("Authorization", basic("demo-admin", DEMO_ADMIN_PASSWORD)))
        .statusCode()).isEqualTo(201);
    assertThat(staffUpload(number, Map.of("Authorization", basic("demo-admin", DEMO_ADMIN_PASSWORD),
        "Origin", "http://localhost:" + port)).statusCode()).isEqualTo(201);
  }

  @Test
  void shouldRefuseEngineRestCallsFromAnotherSiteButKeepModelerAndCurlDeploying() throws Exception {
    String operator = basic("test-operator", "Operator-Pass-2026!");
    assertThat(deploy(Map.of("Authorization", operator, "Origin", EVIL)).statusCode()).isEqualTo(403);
    assertThat(deploy(Map.of("Authorization", operator, "Origin", "null")).statusCode()).isEqualTo(403);
    // Camunda Modeler deploys from its Electron window (pages from file://) with fetch; curl sends no Origin.
    // What the deployment itself is answered (guard rules) does not matter here, only that it is looked at.
    for (Map<String, String> tool : List.of(Map.of("Authorization", operator, "Origin", "file://"),
        Map.of("Authorization", operator))) {
      HttpResponse<String> deployed = deploy(tool);
      assertThat(deployed.statusCode()).as(deployed.body()).isNotEqualTo(403).isLessThan(500);
      assertThat(deployed.body()).doesNotContain("cross-site");
    }
    HttpResponse<String> foreignStart = send(HttpRequest.newBuilder(uri("/engine-rest/process-definition/key/"
        + "bulky-waste-collection/start")).header("Authorization", basic("demo-admin", DEMO_ADMIN_PASSWORD))
        .header("Origin", EVIL).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(foreignStart.statusCode()).isEqualTo(403);
  }

  @Test
  void shouldAcceptTheTasklistSessionOnTheStaffApiOnlyFromTheAppsOwnPages() throws Exception {
    String number = openApplication();
    WebappLogin clerk = WebappLogin.as(port, "demo-clerk", DEMO_CLERK_PASSWORD);
    String own = "http://localhost:" + port;
    assertThat(sessionUpload(clerk, number, Map.of("Origin", own, "Sec-Fetch-Site", "same-origin",
        "X-Requested-With", "XMLHttpRequest")).statusCode()).isEqualTo(201);
    assertThat(sessionUpload(clerk, number, Map.of("Origin", own, "Sec-Fetch-Site", "same-origin")).statusCode())
        .as("a form of another site cannot add X-Requested-With").isEqualTo(403);
    assertThat(sessionUpload(clerk, number, Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site",
        "X-Requested-With", "XMLHttpRequest")).statusCode()).isEqualTo(403);
    assertThat(sessionUpload(clerk, number, Map.of("X-Requested-With", "XMLHttpRequest")).statusCode())
        .as("a change without Origin").isEqualTo(403);
    assertThat(sessionUpload(clerk, number, Map.of("Origin", own, "Sec-Fetch-Site", "same-site",
        "X-Requested-With", "XMLHttpRequest")).statusCode()).isEqualTo(403);
    assertThat(clerk.whoAmI()).as("the refusals did not end the Tasklist session").isEqualTo(200);
  }

  @Test
  void shouldNotLetALinkOrImageOnAnotherSiteReadWithTheTasklistSession() throws Exception {
    String number = openApplication();
    WebappLogin clerk = WebappLogin.as(port, "demo-clerk", DEMO_CLERK_PASSWORD);
    assertThat(sessionUploadPage(clerk, number, Map.of("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate"))
        .statusCode()).as("a link on another site").isEqualTo(403);
    assertThat(sessionUploadPage(clerk, number, Map.of("Sec-Fetch-Site", "same-site", "Sec-Fetch-Mode", "no-cors"))
        .statusCode()).as("an image on a sibling subdomain").isEqualTo(403);
    assertThat(sessionUploadPage(clerk, number, Map.of("Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "navigate"))
        .statusCode()).as("a link in Tasklist").isEqualTo(200);
    assertThat(sessionUploadPage(clerk, number, Map.of("Sec-Fetch-Site", "none", "Sec-Fetch-Mode", "navigate"))
        .statusCode()).as("typed in or bookmarked").isEqualTo(200);
    assertThat(sessionUploadPage(clerk, number, Map.of()).statusCode()).as("a browser without Sec-Fetch-Site")
        .isEqualTo(200);

    String variables = "/camunda/api/engine/engine/default/variable-instance?variableName=applicationNumber";
    HttpResponse<String> cockpitApiFromALink = clerk.browser.send(clerk.request(variables)
        .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(cockpitApiFromALink.statusCode()).as("the webapps' API from a link on another site").isEqualTo(403);
    assertThat(cockpitApiFromALink.body()).contains("他のサイト").doesNotContain(number);
    assertThat(clerk.browser.send(clerk.request(variables).header("Sec-Fetch-Site", "same-origin").GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("Tasklist's own scripts").isEqualTo(200);
    assertThat(clerk.browser.send(clerk.request("/camunda/app/tasklist/default/").header("Sec-Fetch-Site", "cross-site")
        .header("Sec-Fetch-Mode", "navigate").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode())
        .as("a link to Tasklist itself still opens it").isEqualTo(200);
    assertThat(clerk.whoAmI()).isEqualTo(200);
  }

  @Test
  void shouldKeepTheTasklistSessionWhenCamundaRefusesARequestWithoutItsCsrfToken() throws Exception {
    WebappLogin clerk = WebappLogin.as(port, "demo-clerk", DEMO_CLERK_PASSWORD);
    String claim = "/camunda/api/engine/engine/default/task/" + UUID.randomUUID() + "/claim";
    HttpResponse<String> withoutToken = clerk.browser.send(clerk.request(claim)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"x\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrongToken = clerk.browser.send(clerk.request(claim).header("X-XSRF-TOKEN", "forged")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"x\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).contains("Required");
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(clerk.whoAmI()).as("still logged in after the refused requests").isEqualTo(200);
    HttpResponse<String> withToken = clerk.browser.send(clerk.request(claim).header("X-XSRF-TOKEN", clerk.xsrfToken())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"x\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as("the token is accepted: " + withToken.body()).isNotEqualTo(403);
  }

  @Test
  void shouldSendAContentSecurityPolicyWithTheAppsOwnPages() throws Exception {
    String landing = send(HttpRequest.newBuilder(uri("/")).build()).headers().firstValue("Content-Security-Policy")
        .orElse("");
    assertThat(landing).contains("default-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
    HttpResponse<String> liff = send(HttpRequest.newBuilder(uri("/liff/demo/apply/bulky-waste-collection")).build());
    assertThat(liff.statusCode()).isEqualTo(200);
    assertThat(liff.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self' https://static.line-scdn.net", "connect-src 'self' https://api.line.me",
            "object-src 'none'")
        .doesNotContain("unsafe-eval", "script-src 'self' 'unsafe-inline'");
    assertThat(liff.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    // behind the TLS-terminating proxy (a trusted one: loopback) the HSTS header stays as it was
    HttpResponse<String> behindProxy = send(HttpRequest.newBuilder(uri("/liff/demo/"))
        .header("X-Forwarded-Proto", "https").build());
    assertThat(behindProxy.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=31536000");
    assertThat(behindProxy.headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> verify = send(HttpRequest.newBuilder(uri("/verify/demo/" + UUID.randomUUID())).build());
    assertThat(verify.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'none'", "frame-ancestors 'none'");
  }

  @Test
  void shouldAnswerTenantsThatDoNotExistWith404() throws Exception {
    String slug = "no-such-town-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(send(HttpRequest.newBuilder(uri("/liff/" + slug + "/")).build()).statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(uri("/liff/" + slug + "/apply/bulky-waste-collection")).build())
        .statusCode()).isEqualTo(404);
    HttpResponse<String> catalogue = send(HttpRequest.newBuilder(uri("/api/" + slug + "/procedures")).build());
    assertThat(catalogue.statusCode()).isEqualTo(404);
    assertThat(catalogue.body()).contains("見つかりません");
    assertThat(send(HttpRequest.newBuilder(uri("/api/" + slug + "/applications"))
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, LineIdTokens.newUserId()))
        .build()).statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(uri("/api/demo/procedures")).build()).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAskForAPasswordOnTheEmbeddedDatabasePort() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + embeddedPostgres.port() + "/postgres";
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
        .as("psql -h 127.0.0.1 -U postgres without a password").isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
    var passwordFile = dataDir().resolve("embedded-db.password");
    assertThat((Iterable<java.nio.file.attribute.PosixFilePermission>) java.nio.file.Files.getPosixFilePermissions(passwordFile))
        .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    try (var connection = DriverManager.getConnection(url, "postgres", java.nio.file.Files.readString(passwordFile))) {
      assertThat(connection.isValid(1)).isTrue();
    }
  }

  @Test
  void shouldKeepTheLineSdksWireLogOffInTheShippedConfiguration() {
    assertThat(LoggerFactory.getLogger("com.linecorp.bot.client.wire").isInfoEnabled()).isFalse();
    assertThat(LoggerFactory.getLogger("com.linecorp.bot.client.wire").isWarnEnabled()).isFalse();
  }

  @Test
  void shouldRefuseAWebhookWithBadSignatureAndSmallBodyAsBefore() throws Exception {
    // the limits change nothing for LINE's own deliveries
    String body = LineWebhooks.body(LineWebhooks.textEvent(LineWebhooks.newEventId(), LineIdTokens.newUserId(),
        "r", "申請", false));
    assertThat(LineWebhooks.post(port, DEMO, body, "Ym9ndXM=").statusCode()).isEqualTo(401);
    assertThat(LineWebhooks.postSigned(port, DEMO, LineWebhooks.DEMO_SECRET, body).statusCode()).isEqualTo(200);
  }

  /** An open application, filed at the counter through the REST API as the README shows. */
  private String openApplication() throws Exception {
    HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/engine-rest/process-definition/key/"
        + "bulky-waste-collection/start")).header("Authorization", basic("demo-admin", DEMO_ADMIN_PASSWORD))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
            {"variables": {
              "items": {"type": "Json", "value": "[{\\"name\\":\\"ソファ\\",\\"size\\":\\"L\\",\\"quantity\\":1}]"},
              "address": {"value": "デモ市中央1-2-3"}, "applicantName": {"value": "山田 花子"}, "preferredDate1": {"value": "%s"},
              "phone": {"value": "090-1234-5678"}}}""".formatted(TestDates.daysAhead(14)))).build());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body()).get("businessKey").asText();
  }

  private HttpResponse<String> staffUpload(String number, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/demo/admin/applications/" + number + "/attachments"));
    headers.forEach(request::header);
    return send(multipartPhoto(request).build());
  }

  private HttpResponse<String> sessionUpload(WebappLogin login, String number, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = login.request("/api/demo/admin/applications/" + number + "/attachments");
    headers.forEach(request::header);
    return login.browser.send(multipartPhoto(request).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> sessionUploadPage(WebappLogin login, String number, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = login.request("/api/demo/admin/applications/" + number + "/upload");
    headers.forEach(request::header);
    return login.browser.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder multipartPhoto(HttpRequest.Builder request) throws Exception {
    String boundary = "----perimeter";
    var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    var body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"after.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    body.write(png.toByteArray());
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  /** A deployment as Camunda Modeler sends it (multipart, deployment-source "Camunda Modeler"), for tenant kita. */
  private HttpResponse<String> deploy(Map<String, String> headers) throws Exception {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ModelerCheck"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="perimeter-modeler-check" name="Modeler 配備の確認" isExecutable="true"
              camunda:historyTimeToLive="P1D" camunda:isStartableInTasklist="false">
            <bpmn:startEvent id="Event_Started" name="開始" />
          </bpmn:process>
        </bpmn:definitions>""";
    String boundary = "----modeler";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nperimeter\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenant-id\"\r\n\r\nkita\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"perimeter-modeler-check.bpmn\"; "
        + "filename=\"perimeter-modeler-check.bpmn\"\r\nContent-Type: text/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
