package jp.madoguchi.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static jp.madoguchi.LineIdTokens.KITA_CHANNEL;
import static jp.madoguchi.LineWebhooks.KITA_SECRET;
import static jp.madoguchi.LineWebhooks.body;
import static jp.madoguchi.LineWebhooks.newEventId;
import static jp.madoguchi.LineWebhooks.postSigned;
import static jp.madoguchi.LineWebhooks.unfollowEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.StaffRequests;
import jp.madoguchi.StaffRequests.Staff;
import jp.madoguchi.tenant.TenantKeys;
import jp.madoguchi.tenant.TenantRepository;
import jp.madoguchi.tenant.TenantRepository.LineChannelUpdate;
import jp.madoguchi.tenant.TenantRepository.LineSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A tenant admin replaces the channel access token and secret reissued in the LINE Developers
 * console (checked with LINE first, sealed, used at once, logged without the values), and the LINE
 * Login channel and LIFF app made anew. Before, there was no way to change any of them once the
 * municipality existed.
 */
class LineChannelSettingsTests extends IntegrationTest {

  private static final String PATH = "/api/kita/admin/line/channel";
  private static final String BOT_INFO = "/v2/bot/info";
  private static final Staff KITA_ADMIN = new Staff("kita-admin", "Hokubu-Admin-2026!");
  private static final String KITA_LIFF = "2234567890-kita";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired LineChannels channels;
  @Autowired LineClients clients;
  @Autowired TenantRepository tenants;
  @Autowired TenantKeys keys;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  private StaffRequests staff;

  @BeforeEach
  void stubLine() {
    staff = new StaffRequests(port);
    LINE.resetAll();
    LINE.stubFor(get(urlEqualTo(BOT_INFO)).withHeader("Authorization", equalTo("Bearer kita-token"))
        .willReturn(bot("U00000000000000000000000000000kita", "北市")));
  }

  /** Other tests rely on kita's seeded channel. */
  @AfterEach
  void restoreSeededChannel() {
    tenants.updateLineChannel(KITA, new LineChannelUpdate(keys.encrypt(KITA, LineSettings.SECRET_PURPOSE, KITA_SECRET),
        keys.encrypt(KITA, LineSettings.TOKEN_PURPOSE, "kita-token"), KITA_CHANNEL, KITA_LIFF));
    channels.forget(KITA);
  }

  @Test
  void shouldReplaceTheTokenAndTheSecretOnceLineTakesTheToken() throws Exception {
    LINE.stubFor(get(urlEqualTo(BOT_INFO)).withHeader("Authorization", equalTo("Bearer kita-token-2"))
        .willReturn(bot("U00000000000000000000000000000kita", "北市")));

    HttpResponse<String> replaced = staff.put(KITA_ADMIN, PATH,
        "{\"channelAccessToken\":\" kita-token-2 \",\"channelSecret\":\"kita-secret-2\"}");

    assertThat(replaced.statusCode()).isEqualTo(200);
    JsonNode answer = json.readTree(replaced.body());
    assertThat(answer.get("botName").asText()).isEqualTo("北市");
    assertThat(answer.get("changed")).hasSize(2);
    assertThat(replaced.body()).doesNotContain("kita-token-2", "kita-secret-2");
    assertThat(webhookSignedWith(KITA_SECRET)).as("the old secret").isEqualTo(401);
    assertThat(webhookSignedWith("kita-secret-2")).as("the new secret").isEqualTo(200);
    LineCalls.await(clients.messaging(KITA).getBotInfo());
    LINE.verify(getRequestedFor(urlEqualTo(BOT_INFO)).withHeader("Authorization", equalTo("Bearer kita-token-2")));
    byte[] stored = jdbc.queryForObject("SELECT line_channel_access_token FROM tenant WHERE id = ?", byte[].class, KITA);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("kita-token-2");
    assertThat(awaitOperationLog("channelAccessToken,channelSecret")).doesNotContain("kita-token-2",
        "kita-secret-2");
  }

  @Test
  void shouldKeepTheCredentialsWhenLineRefusesTheTokenOrItIsAnotherAccounts() throws Exception {
    LINE.stubFor(get(urlEqualTo(BOT_INFO)).withHeader("Authorization", equalTo("Bearer revoked"))
        .willReturn(lineError(401, "Authentication failed")));
    LINE.stubFor(get(urlEqualTo(BOT_INFO)).withHeader("Authorization", equalTo("Bearer other-account"))
        .willReturn(bot("U0000000000000000000000000000other", "南町")));
    LINE.stubFor(get(urlEqualTo(BOT_INFO)).withHeader("Authorization", equalTo("Bearer line-down"))
        .willReturn(lineError(500, "Internal error")));

    HttpResponse<String> revoked = replace("{\"channelAccessToken\":\"revoked\",\"channelSecret\":\"new-secret\"}");
    HttpResponse<String> other = replace("{\"channelAccessToken\":\"other-account\"}");
    HttpResponse<String> down = replace("{\"channelAccessToken\":\"line-down\"}");

    assertThat(revoked.statusCode()).isEqualTo(400);
    assertThat(revoked.body()).contains("受け付けませんでした");
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(other.body()).contains("別の公式アカウント（南町）");
    assertThat(down.statusCode()).isEqualTo(502);
    assertThat(down.body()).as("LINE's answer, not the SDK's words and the LINE address configured")
        .contains("LINE の応答 HTTP 500", "LINE answered HTTP 500").doesNotContain("http://", "localhost");
    channels.forget(KITA);
    assertThat(channels.find(KITA).orElseThrow().accessToken()).isEqualTo("kita-token");
    assertThat(channels.find(KITA).orElseThrow().channelSecret()).isEqualTo(KITA_SECRET);
  }

  @Test
  void shouldTellWhetherLineTakesTheTokenInUseWithoutShowingIt() throws Exception {
    JsonNode accepted = json.readTree(staff.get(KITA_ADMIN, PATH).body());
    assertThat(accepted.get("lineAnswer").asText()).isEqualTo("ACCEPTED");
    assertThat(accepted.get("botName").asText()).isEqualTo("北市");

    LINE.stubFor(get(urlEqualTo(BOT_INFO)).withHeader("Authorization", equalTo("Bearer kita-token"))
        .willReturn(lineError(401, "Authentication failed")));
    HttpResponse<String> refused = staff.get(KITA_ADMIN, PATH);

    assertThat(json.readTree(refused.body()).get("lineAnswer").asText()).isEqualTo("REFUSED");
    assertThat(refused.body()).doesNotContain("kita-token", KITA_SECRET);
    assertThat(staff.get(new Staff("kita-clerk", KITA_CLERK_PASSWORD), PATH).statusCode()).isEqualTo(403);
  }

  @Test
  void shouldTakeANewLineLoginChannelAndLiffAppForTheResidentsPages() throws Exception {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    String resident = LineIdTokens.newUserId();
    String oldChannelsToken = LineIdTokens.LINE.token(KITA_CHANNEL, resident);
    assertThat(residentsApplications(oldChannelsToken)).isEqualTo(200);

    HttpResponse<String> changed = replace("{\"loginChannelId\":\"3234567890\",\"liffId\":\"3234567890-NewKita1\"}");

    assertThat(changed.statusCode()).isEqualTo(200);
    JsonNode shown = json.readTree(staff.get(KITA_ADMIN, PATH).body());
    assertThat(shown.get("loginChannelId").asText()).isEqualTo("3234567890");
    assertThat(shown.get("liffId").asText()).isEqualTo("3234567890-NewKita1");
    assertThat(anonymous("/api/kita/liff-config")).contains("3234567890-NewKita1");
    assertThat(residentsApplications(oldChannelsToken)).as("a token for the old channel").isEqualTo(401);
    assertThat(residentsApplications(LineIdTokens.LINE.token("3234567890", resident))).isEqualTo(200);
    assertThat(awaitOperationLog("loginChannelId,liffId")).contains("3234567890-NewKita1");
  }

  @Test
  void shouldRefuseMalformedValuesAndEveryoneButTheMunicipalitysAdmin() throws Exception {
    assertThat(replace("{}").statusCode()).isEqualTo(400);
    assertThat(replace("{\"loginChannelId\":\"12ab\"}").statusCode()).isEqualTo(400);
    assertThat(replace("{\"liffId\":\"https://liff.line.me/1234567890-AbCd\"}").statusCode()).isEqualTo(400);
    assertThat(replace("{\"channelSecret\":\"with space\"}").statusCode()).isEqualTo(400);
    assertThat(replace("{\"channelSecret\":\"\"}").statusCode()).isEqualTo(400);
    assertThat(replace("{\"channelSecret\":\"" + "x".repeat(2001) + "\"}").statusCode()).isEqualTo(400);
    String body = "{\"channelSecret\":\"attacker-secret\"}";
    assertThat(staff.put(new Staff("kita-clerk", KITA_CLERK_PASSWORD), PATH, body).statusCode()).isEqualTo(403);
    assertThat(staff.put(new Staff("demo-admin", DEMO_ADMIN_PASSWORD), PATH, body).statusCode()).isEqualTo(403);
    assertThat(staff.put(new Staff("kita-admin", "wrong-Password-1"), PATH, body).statusCode()).isEqualTo(401);
    assertThat(channels.find(KITA).orElseThrow().channelSecret()).isEqualTo(KITA_SECRET);
  }

  @Test
  void shouldUseCredentialsReplacedOnAnotherNodeWithinAMinute() {
    MovableClock clock = new MovableClock();
    LineChannels otherNode = new LineChannels(tenants, keys, clock);
    assertThat(otherNode.find(KITA).orElseThrow().channelSecret()).isEqualTo(KITA_SECRET);

    tenants.updateLineChannel(KITA,
        new LineChannelUpdate(keys.encrypt(KITA, LineSettings.SECRET_PURPOSE, "kita-secret-3"), null, null, null));

    assertThat(otherNode.find(KITA).orElseThrow().channelSecret()).isEqualTo(KITA_SECRET);
    clock.advance(LineChannels.KEPT);
    assertThat(otherNode.find(KITA).orElseThrow().channelSecret()).isEqualTo("kita-secret-3");
  }

  private int residentsApplications(String idToken) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/kita/applications"))
        .header("Authorization", "Bearer " + idToken).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private String anonymous(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private HttpResponse<String> replace(String body) throws Exception {
    return staff.put(KITA_ADMIN, PATH, body);
  }

  private int webhookSignedWith(String secret) throws Exception {
    return postSigned(port, KITA, secret, body(unfollowEvent(newEventId(), LineIdTokens.newUserId()))).statusCode();
  }

  /** The details of the operation-log entry of these changes (the log's queue writes it shortly after the commit). */
  private String awaitOperationLog(String changed) throws InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      var details = jdbc.queryForList("SELECT details FROM audit_entry WHERE tenant_id = ? AND category = 'OPERATION' "
          + "AND kind = 'line-channel.changed' AND actor = 'kita-admin' AND details LIKE ?", String.class, KITA,
          "%\"" + changed + "\"%");
      if (!details.isEmpty()) {
        return details.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no operation log entry line-channel.changed of " + changed);
  }

  private static ResponseDefinitionBuilder bot(String userId, String name) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
        "{\"userId\":\"" + userId + "\",\"basicId\":\"@123abcde\",\"displayName\":\"" + name + "\",\"chatMode\":\"bot\","
            + "\"markAsReadMode\":\"auto\"}");
  }

  private static ResponseDefinitionBuilder lineError(int status, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"" + message + "\"}");
  }
}
