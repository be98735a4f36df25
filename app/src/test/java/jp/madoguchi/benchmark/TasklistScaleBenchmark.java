package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.benchmark.ScaleData.Plan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clerk's department queue as Tasklist asks for it, and a resident's "my applications", on a large
 * database: by default 100 tenants, 1,000,000 finished and 100,000 open applications ({@link ScaleData}),
 * authorization and tenant checks on, durable PostgreSQL, job executor off (nothing else runs).
 * Each sample asks as another tenant's clerk or another resident. Prints p50/p95 per call.
 *
 * <p>Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=TasklistScaleBenchmark}; smaller:
 * {@code -Dscale.tenants=10 -Dscale.openTasks=20000 -Dscale.historic=20000}; keep the generated
 * database for the next run with {@code -Dscale.dataDir=/tmp/scale-data}; samples per call:
 * {@code -Dscale.samples=200} (fewer when calls are slow: at most {@code -Dscale.secondsPerCall=120}).
 */
@Tag("benchmark")
class TasklistScaleBenchmark {

  private static final String DEPARTMENT_QUEUE = "部署の未処理 (Department queue)";
  private static final String TASKLIST_LIST_BODY = """
      {"sorting": [{"sortBy": "created", "sortOrder": "desc"}], "active": true}""";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void departmentQueueAndMyApplications() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    Plan plan = Plan.fromSystemProperties();
    int samples = Integer.getInteger("scale.samples", 200);
    long budgetNanos = Long.getLong("scale.secondsPerCall", 120) * 1_000_000_000L;
    String dataDir = System.getProperty("scale.dataDir");
    WireMockServer lineLogin = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    lineLogin.start();
    LineIdTokens.publish(lineLogin, LineIdTokens.LINE);
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MadoguchiApplication.class).run(
        "--server.port=0",
        "--madoguchi.tenants-seed=" + ScaleData.seedFile(plan),
        "--madoguchi.line.api-base-url=" + lineLogin.baseUrl(),
        "--madoguchi.line.data-api-base-url=" + lineLogin.baseUrl(),
        "--madoguchi.embedded-db.data-dir=" + (dataDir != null ? dataDir : BenchmarkFolders.create("madoguchi-scale-")),
        "--camunda.bpm.job-execution.enabled=false",
        "--madoguchi.line.workers-enabled=false",
        // a key set fetch that failed on a busy machine is tried again within a second, not after 30 s
        "--madoguchi.line.jwks-min-refresh-interval=1s",
        "--logging.level.root=WARN")) {
      ScaleData.ensure(app, plan);
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      System.out.printf("BENCHMARK database: %,d open tasks, %,d task authorization rows, %,d finished instances, "
          + "%,d applications%n", count(jdbc, "act_ru_task"),
          jdbc.queryForObject("SELECT count(*) FROM act_ru_authorization WHERE resource_type_ = 7", Long.class),
          jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE end_time_ IS NOT NULL", Long.class),
          count(jdbc, "application"));

      String filterId = filterId(base, Plan.tenant(0) + "-waste");
      IntFunction<String> clerk = sample -> Plan.tenant(sample % plan.tenants()) + "-waste";
      long expectedQueue = plan.openTasks() / plan.tenants() / 2;
      measure("filter count 「部署の未処理」 (GET /engine-rest/filter/{id}/count)", samples, budgetNanos, sample ->
          basic(base + "/engine-rest/filter/" + filterId + "/count", clerk.apply(sample)).GET(), body ->
          assertThat(json.readTree(body).get("count").asLong()).isBetween(expectedQueue - 1, expectedQueue + 1));
      measure("filter list 「部署の未処理」, first page of 15 (POST /engine-rest/filter/{id}/list, HAL)", samples,
          budgetNanos, sample -> basic(base + "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
              clerk.apply(sample)).header("Accept", "application/hal+json").header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_LIST_BODY)),
          body -> assertCards(json.readTree(body)));
      TasklistSessions sessions = new TasklistSessions(base);
      measure("filter list 「部署の未処理」 as Tasklist asks for it, logged in (POST /camunda/api/engine/engine/default/"
          + "filter/{id}/list, HAL, session and CSRF token)", samples, budgetNanos,
          sample -> sessions.post(clerk.apply(sample), "/camunda/api/engine/engine/default/filter/" + filterId
              + "/list?firstResult=0&maxResults=15", TASKLIST_LIST_BODY).header("Accept", "application/hal+json"),
          body -> assertCards(json.readTree(body)));
      measure("task?candidateGroup=waste-section, first page of 15 (GET /engine-rest/task)", samples,
          budgetNanos, sample -> basic(base + "/engine-rest/task?candidateGroup=waste-section&firstResult=0&maxResults=15"
              + "&sortBy=created&sortOrder=desc", clerk.apply(sample)).GET(),
          body -> assertThat(json.readTree(body)).hasSize(15));
      measure("resident's my applications (GET /api/{tenant}/applications)", samples, budgetNanos, sample -> {
        int tenant = sample % plan.tenants();
        int resident = 3 + (sample * 7919) % (plan.residentsPerTenant() - 3);
        return HttpRequest.newBuilder(URI.create(base + "/api/" + Plan.tenant(tenant) + "/applications"))
            .header("Authorization", "Bearer " + LineIdTokens.LINE.token(Long.toString(ScaleData.loginChannel(tenant)),
                Plan.resident(tenant, resident))).GET();
      }, body -> assertThat(json.readTree(body)).isNotEmpty());
    } finally {
      lineLogin.stop();
    }
  }

  private interface Request {
    HttpRequest.Builder build(int sample) throws Exception;
  }

  private interface Check {
    void accept(String body) throws Exception;
  }

  /**
   * Sequential calls after warm-up calls ({@code -Dscale.warmUp=1000}: a server that clerks have used for
   * a while, its hot paths compiled by the JIT; with 5 the first minutes after a start are measured, the
   * department queue's first page about a third slower); warm-up and measurement each stop early (after
   * at least 5 and 3 calls) when the calls are too slow for the budget. A warm-up call may be tried
   * again (e.g. the first fetch of LINE's key set, which the app gives 500 ms, on a busy machine).
   */
  private void measure(String what, int samples, long budgetNanos, Request request, Check check) throws Exception {
    long warmUpStart = System.nanoTime();
    int warmUps = Integer.getInteger("scale.warmUp", 1000);
    for (int warmUp = 0; warmUp < warmUps && (warmUp < 5 || System.nanoTime() - warmUpStart < budgetNanos); warmUp++) {
      HttpResponse<String> response = http.send(request.build(samples + warmUp).build(), HttpResponse.BodyHandlers.ofString());
      for (int retry = 0; retry < 5 && response.statusCode() != 200; retry++) {
        Thread.sleep(1_000);
        response = http.send(request.build(samples + warmUp).build(), HttpResponse.BodyHandlers.ofString());
      }
      assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(200);
      check.accept(response.body());
    }
    List<Long> micros = new ArrayList<>();
    long start = System.nanoTime();
    for (int sample = 0; sample < samples && (sample < 3 || System.nanoTime() - start < budgetNanos); sample++) {
      HttpRequest built = request.build(sample).build();
      long before = System.nanoTime();
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
      micros.add((System.nanoTime() - before) / 1_000);
      assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(200);
    }
    Latencies latencies = new Latencies(micros.stream().mapToLong(Long::longValue).toArray());
    System.out.printf("BENCHMARK %s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", what, micros.size(),
        latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(100));
  }

  /**
   * One Tasklist login per clerk, made on the clerk's first call; its requests carry the session
   * cookie and the CSRF token as the browser's would.
   */
  private static final class TasklistSessions {
    private final String base;
    private final Map<String, CookieManager> jars = new HashMap<>();

    TasklistSessions(String base) {
      this.base = base;
    }

    HttpRequest.Builder post(String user, String path, String json) throws Exception {
      CookieManager jar = jars.containsKey(user) ? jars.get(user) : login(user);
      List<HttpCookie> cookies = jar.getCookieStore().getCookies();
      return HttpRequest.newBuilder(URI.create(base + path))
          .header("Cookie", String.join("; ", cookies.stream().map(HttpCookie::toString).toList()))
          .header("X-XSRF-TOKEN", xsrf(cookies)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private CookieManager login(String user) throws Exception {
      CookieManager jar = new CookieManager();
      HttpClient browser = HttpClient.newBuilder().cookieHandler(jar).build();
      browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base
          + "/camunda/api/admin/auth/user/default/login/tasklist")).header("X-XSRF-TOKEN", xsrf(jar.getCookieStore()
          .getCookies())).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers
          .ofString("username=" + user + "&password=" + URLEncoder.encode(ScaleData.PASSWORD, StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as("Tasklist login of " + user + ": " + login.body()).isEqualTo(200);
      // what Tasklist asks for first; the session's CSRF token comes with it
      browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/filter?resourceType=Task"))
          .GET().build(), HttpResponse.BodyHandlers.discarding());
      jars.put(user, jar);
      return jar;
    }

    private static String xsrf(List<HttpCookie> cookies) {
      return cookies.stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
    }
  }

  private String filterId(String base, String user) throws Exception {
    HttpResponse<String> filters = http.send(basic(base + "/engine-rest/filter?name="
        + URLEncoder.encode(DEPARTMENT_QUEUE, StandardCharsets.UTF_8), user).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode list = json.readTree(filters.body());
    assertThat(list).as(filters.body()).hasSize(1);
    return list.get(0).get("id").asText();
  }

  private static HttpRequest.Builder basic(String url, String user) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + ScaleData.PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  /** A first page of 15 cards, each with the application number Tasklist shows on it. */
  private static void assertCards(JsonNode page) {
    assertThat(page.at("/_embedded/task")).hasSize(15);
    for (JsonNode task : page.at("/_embedded/task")) {
      assertThat(task.at("/_embedded/variable").findValuesAsText("name")).contains("applicationNumber");
    }
  }
}
