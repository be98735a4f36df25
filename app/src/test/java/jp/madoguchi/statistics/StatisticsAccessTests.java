package jp.madoguchi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may read a tenant's statistics, what a bad period gets, and the CSV a spreadsheet opens. */
class StatisticsAccessTests extends IntegrationTest {

  private static final String ADMIN = "demo-admin:" + DEMO_ADMIN_PASSWORD;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "demo-admin:Madoguchi-Admin-2026!, 200",
      "test-operator:Operator-Pass-2026!, 403",
      "demo-clerk:Madoguchi-Clerk-2026!, 403",
      "demo-chief:Madoguchi-Chief-2026!, 403",
      "kita-admin:Hokubu-Admin-2026!, 403",
      "demo-admin:wrong-password, 401"})
  void shouldShowTheStatisticsOnlyToTheTenantsAdministrators(String credentials, int status) throws Exception {
    assertThat(get("/api/demo/admin/statistics", credentials, "application/json").statusCode()).isEqualTo(status);
    assertThat(get("/api/demo/admin/statistics/statuses.csv", credentials, "text/csv").statusCode()).isEqualTo(status);
  }

  @Test
  void shouldRefuseAnonymousCallersWithoutShowingABrowserLoginDialogToTheConsole() throws Exception {
    HttpResponse<String> anonymous = get("/api/demo/admin/statistics", null, "application/json");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> console = http.send(HttpRequest.newBuilder(uri("/api/demo/admin/statistics"))
        .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(console.statusCode()).isEqualTo(401);
    assertThat(console.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void shouldRefuseAnotherTenantsStatisticsToThisTenantsAdmin() throws Exception {
    assertThat(get("/api/kita/admin/statistics", ADMIN, "application/json").statusCode()).isEqualTo(403);
    assertThat(get("/api/kita/admin/statistics", ADMIN, "text/csv").statusCode()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "?from=yesterday|2026-04-01 の形式",
      "?from=2026-04-02&to=2026-04-01|開始日が終了日より後",
      "?from=2024-01-01&to=2026-01-01|366日以内",
      "?to=2026-13-01|the form",
      "?to=-999999999-01-01|1970 年から 9999 年",
      "?from=-5000-01-01&to=-5000-01-31|1970 年から 9999 年",
  })
  void shouldExplainAPeriodItCannotUse(String query, String message) throws Exception {
    HttpResponse<String> response = get("/api/demo/admin/statistics" + query, ADMIN, "application/json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText()).contains(message.equals("the form")
        ? "2026-04-01" : message);
  }

  @Test
  void shouldAnswerAnUnknownTableWith404AndAnUnknownTenantLikeAnotherOne() throws Exception {
    HttpResponse<String> table = get("/api/demo/admin/statistics/salaries.csv", ADMIN, "text/csv");
    assertThat(table.statusCode()).isEqualTo(404);
    assertThat(table.body()).contains("applications-daily");
    assertThat(get("/api/nowhere/admin/statistics", ADMIN, "application/json").statusCode())
        .as("the same answer as for another existing tenant").isEqualTo(403);
  }

  @Test
  void shouldGiveEveryDayOfThePeriodAndEveryMonth() throws Exception {
    var statistics = json.readTree(get("/api/demo/admin/statistics?from=2026-01-30&to=2026-03-02", ADMIN,
        "application/json").body());
    assertThat(statistics.get("applicationsByDay")).hasSize(32);
    assertThat(statistics.get("applicationsByDay").get(0).get("period").asText()).isEqualTo("2026-01-30");
    assertThat(statistics.get("applicationsByMonth")).extracting(month -> month.get("period").asText())
        .containsExactly("2026-01", "2026-02", "2026-03");
    var defaults = json.readTree(get("/api/demo/admin/statistics", ADMIN, "application/json").body());
    assertThat(defaults.get("to").asText()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Tokyo")).toString());
    assertThat(defaults.get("applicationsByDay")).hasSize(30);
  }

  @Test
  void shouldDownloadEveryTableAsCsvThatExcelOpens() throws Exception {
    HttpResponse<byte[]> all = http.send(HttpRequest.newBuilder(uri("/api/demo/admin/statistics?from=2026-04-01&to=2026-04-03"))
        .header("Authorization", StatisticsApiTests.basic(ADMIN)).header("Accept", "text/csv").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(all.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "statistics-demo-2026-04-01_2026-04-03.csv");
    assertThat(all.body()).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(all.body(), StandardCharsets.UTF_8);
    for (StatisticsTables table : StatisticsTables.values()) {
      assertThat(text).contains("■ " + table.title());
    }

    HttpResponse<String> daily = get("/api/demo/admin/statistics/applications-daily.csv?from=2026-04-01&to=2026-04-03",
        ADMIN, "*/*");
    String[] lines = daily.body().split("\r\n");
    assertThat(lines[0]).startsWith("\uFEFF\"日付\",").contains("粗大ごみ収集申込", "\"オンライン\",\"窓口\",\"合計\"");
    assertThat(lines).hasSize(4);
    assertThat(lines[1]).startsWith("\"2026-04-01\",0,");
  }

  @Test
  void shouldNeutraliseCellsASpreadsheetWouldRunAsAFormula() {
    assertThat(StatisticsCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(StatisticsCsv.cell("+1")).isEqualTo("\"'+1\"");
    assertThat(StatisticsCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    assertThat(StatisticsCsv.cell("粗大ごみ")).isEqualTo("\"粗大ごみ\"");
    assertThat(StatisticsCsv.cell(-3L)).isEqualTo("-3");
  }

  private HttpResponse<String> get(String path, String credentials, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET();
    if (credentials != null) {
      request.header("Authorization", StatisticsApiTests.basic(credentials));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
