package jp.madoguchi.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.AtOnce;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may export and download: the municipality's own administrators, and operators under a support grant; sensitive
 * fields only for the administrators; another municipality learns nothing of an export's id.
 */
class ExportAccessTests extends IntegrationTest {

  private static final String OPERATOR = "test-operator";
  private static final String OPERATOR_PASSWORD = "Operator-Pass-2026!";
  private static final String KITA_ADMIN_PASSWORD = "Hokubu-Admin-2026!";

  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldRefuseStaffWhoAreNotTheMunicipalitysAdministrators() throws Exception {
    ExportDownloads downloads = new ExportDownloads(port);
    assertThat(downloads.start(DEMO, "demo-clerk", DEMO_CLERK_PASSWORD, "{}").statusCode()).isEqualTo(403);
    assertThat(downloads.start(DEMO, "kita-admin", KITA_ADMIN_PASSWORD, "{}").statusCode()).isEqualTo(403);
    assertThat(downloads.start(DEMO, null, null, "{}").statusCode()).isEqualTo(401);
  }

  /** A double click on 書き出す, or two admins: one export runs. Before, each request started one of its own. */
  @Test
  void shouldStartOneExportWhenSeveralAreRequestedAtOnce() throws Exception {
    ExportDownloads downloads = new ExportDownloads(port);
    List<HttpResponse<String>> started = AtOnce.send(4,
        () -> downloads.start(KITA, "kita-admin", KITA_ADMIN_PASSWORD, "{}"));

    assertThat(AtOnce.statuses(started)).as(started.toString()).containsExactly(202, 409, 409, 409);
    String id = json.readTree(started.stream().filter(answer -> answer.statusCode() == 202).findFirst().orElseThrow()
        .body()).get("id").asText();
    assertThat(downloads.awaitFinished(KITA, id, "kita-admin", KITA_ADMIN_PASSWORD).get("status").asText())
        .isEqualTo("READY");
  }

  @Test
  void shouldKeepOneMunicipalitysExportUnknownToAnother() throws Exception {
    ExportDownloads downloads = new ExportDownloads(port);
    String id = downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{}");

    assertThat(downloads.show(KITA, id, "kita-admin", KITA_ADMIN_PASSWORD).statusCode()).isEqualTo(404);
    assertThat(downloads.download(KITA, id, "kita-admin", KITA_ADMIN_PASSWORD).statusCode()).isEqualTo(404);
    assertThat(downloads.download(DEMO, id, "kita-admin", KITA_ADMIN_PASSWORD).statusCode()).isEqualTo(403);
    assertThat(downloads.show(DEMO, "not-a-uuid", "demo-admin", DEMO_ADMIN_PASSWORD).statusCode()).isEqualTo(400);
    assertThat(json.readTree(downloads.show(DEMO, id, "demo-admin", DEMO_ADMIN_PASSWORD).body()).get("downloadedAt")
        .isNull()).isTrue();
  }

  @Test
  void shouldNotCountAHeadRequestAsTheDownloadThePurgeWaitsFor() throws Exception {
    ExportDownloads downloads = new ExportDownloads(port);
    String id = downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{}");

    HttpResponse<String> head = new StaffHttp(port).basic("HEAD", "/api/demo/admin/exports/" + id + "/download",
        "demo-admin", DEMO_ADMIN_PASSWORD, null);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(json.readTree(downloads.show(DEMO, id, "demo-admin", DEMO_ADMIN_PASSWORD).body()).get("downloadedAt")
        .isNull()).as("a monitor's or curl -I's HEAD is no download").isTrue();
  }

  @Test
  void shouldNotLetALinkOnAnotherSiteDownloadWithTheAdministratorsCachedLogin() throws Exception {
    ExportDownloads downloads = new ExportDownloads(port);
    String id = downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{}");

    for (String site : new String[] {"cross-site", "same-site"}) {
      var fromALink = downloads.download(DEMO, id, "demo-admin", DEMO_ADMIN_PASSWORD,
          "Sec-Fetch-Site", site, "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document");
      assertThat(fromALink.statusCode()).as(site).isEqualTo(403);
      assertThat(new String(fromALink.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("他のサイト");
    }
    assertThat(json.readTree(downloads.show(DEMO, id, "demo-admin", DEMO_ADMIN_PASSWORD).body()).get("downloadedAt")
        .isNull()).as("a refused download does not count for the purge").isTrue();

    var typedIn = downloads.download(DEMO, id, "demo-admin", DEMO_ADMIN_PASSWORD,
        "Sec-Fetch-Site", "none", "Sec-Fetch-Mode", "navigate");
    assertThat(typedIn.statusCode()).isEqualTo(200);
    assertThat(json.readTree(downloads.show(DEMO, id, "demo-admin", DEMO_ADMIN_PASSWORD).body()).get("downloadedBy")
        .asText()).isEqualTo("demo-admin");
  }

  @Test
  void shouldLetAnOperatorExportWithoutSensitiveFieldsOnlyUnderASupportGrant() throws Exception {
    ExportDownloads downloads = new ExportDownloads(port);
    HttpResponse<String> withoutGrant = downloads.start(DEMO, OPERATOR, OPERATOR_PASSWORD, "{}");
    assertThat(withoutGrant.statusCode()).isEqualTo(403);
    assertThat(withoutGrant.body()).contains("サポート許可");
    String admins = downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{}");
    assertThat(downloads.download(DEMO, admins, OPERATOR, OPERATOR_PASSWORD).statusCode()).isEqualTo(403);

    StaffHttp staff = new StaffHttp(port);
    HttpResponse<String> grant = staff.basic("POST", "/api/demo/admin/support-grants", "demo-admin",
        DEMO_ADMIN_PASSWORD, "{\"operatorId\": \"" + OPERATOR + "\", \"hours\": 1, \"reason\": \"エクスポートの確認\"}");
    assertThat(grant.statusCode()).isEqualTo(201);
    try {
      assertThat(downloads.download(DEMO, admins, OPERATOR, OPERATOR_PASSWORD).statusCode())
          .as("the administrator's export holds the staff list with names").isEqualTo(403);
      String id = downloads.ready(DEMO, OPERATOR, OPERATOR_PASSWORD, "{}");
      var operators = downloads.download(DEMO, id, OPERATOR, OPERATOR_PASSWORD);
      assertThat(operators.statusCode()).isEqualTo(200);
      // operators never see the staff list: ids and roles only, no names or e-mail addresses
      Map<String, byte[]> zip = ExportDownloads.entries(operators.body());
      JsonNode staffList = json.readTree(zip.get("organisation/staff.json"));
      assertThat(staffList.findValuesAsText("id")).contains("demo-clerk").doesNotContain(OPERATOR);
      assertThat(staffList.findValues("lastName")).isEmpty();
      assertThat(staffList.findValues("email")).isEmpty();
      assertThat(json.readTree(zip.get("manifest.json")).get("staffNames").asBoolean()).isFalse();
      assertThat(downloads.start(DEMO, OPERATOR, OPERATOR_PASSWORD, "{\"includeSensitive\": true}").statusCode())
          .isEqualTo(403);
      String sensitive = downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{\"includeSensitive\": true}");
      assertThat(downloads.download(DEMO, sensitive, OPERATOR, OPERATOR_PASSWORD).statusCode()).isEqualTo(403);
      assertThat(downloads.start(KITA, OPERATOR, OPERATOR_PASSWORD, "{}").statusCode()).as("another municipality")
          .isEqualTo(403);
    } finally {
      staff.basic("DELETE", "/api/demo/admin/support-grants/" + json.readTree(grant.body()).get("id").asText(),
          "demo-admin", DEMO_ADMIN_PASSWORD, null);
    }
    assertThat(downloads.start("no-such-town", OPERATOR, OPERATOR_PASSWORD, "{}").statusCode()).isEqualTo(404);
  }
}
