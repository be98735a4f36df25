package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffRequests;
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
    int port = AppProcess.freePort();
    try (AppProcess app = AppProcess.madoguchi(port, Map.of("MADOGUCHI_DATA_DIR", data.toString()))) {
      System.out.printf("%nBENCHMARK first request: app started (health UP) in %.1f s%n",
          app.awaitHealthy(AppProcess.START_LIMIT));
      StaffRequests http = new StaffRequests(port);
      StaffRequests.Staff clerk = new StaffRequests.Staff("demo-clerk", IntegrationTest.DEMO_CLERK_PASSWORD);
      for (int call = 1; call <= CALLS; call++) {
        long started = System.nanoTime();
        HttpResponse<String> answer = http.get(clerk, "/engine-rest/task/count");
        double millis = (System.nanoTime() - started) / 1e6;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        System.out.printf("BENCHMARK first request: /engine-rest call %d after the start took %.0f ms%n", call, millis);
      }
    }
  }
}
