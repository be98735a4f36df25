package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the first clerk after a start waits for: the app is started on a new data folder with its
 * default configuration, and once {@code /actuator/health} says {@code UP} the first calls to
 * Camunda's REST API (as Tasklist makes them, with the clerk's login) are timed one after the other.
 * Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=FirstRequestBenchmark} (add
 * {@code -Dbench.appArgs=--spring.jersey.servlet.load-on-startup=-1} for the REST API started lazily).
 */
@Tag("benchmark")
class FirstRequestBenchmark {

  private static final int CALLS = 3;

  @Test
  void firstCallsToTheRestApiAfterAStart() throws Exception {
    Path data = BenchmarkFolders.create("madoguchi-first-request-");
    try (AppProcess app = AppProcess.madoguchi(AppProcess.freePort(), Map.of("MADOGUCHI_DATA_DIR", data.toString()))) {
      System.out.printf("%nBENCHMARK first request: app started (health UP) in %.1f s%n",
          app.awaitHealthy(AppProcess.START_LIMIT));
      HttpClient http = HttpClient.newHttpClient();
      String login = "Basic " + Base64.getEncoder().encodeToString(("demo-clerk:" + IntegrationTest.DEMO_CLERK_PASSWORD)
          .getBytes(StandardCharsets.UTF_8));
      for (int call = 1; call <= CALLS; call++) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/engine-rest/task/count"))
            .header("Authorization", login).build();
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - started) / 1e6;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        System.out.printf("BENCHMARK first request: /engine-rest call %d after the start took %.0f ms%n", call, millis);
      }
    }
  }
}
