package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A burst beyond what runs and waits is turned away at once with 503 and Retry-After, before anything runs. */
class SubmissionLimiterTests {

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);

  @Test
  void shouldTurnAwayWhatFindsNeitherATurnNorARoomToWait() throws Exception {
    SubmissionLimiter limiter = new SubmissionLimiter(new SubmissionLimits(1, 0, Duration.ofSeconds(5), 2));
    CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> submit(limiter, blocking()));
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

    MockFilterChain untouched = new MockFilterChain();
    MockHttpServletResponse second = run(limiter, untouched);

    assertThat(second.getStatus()).isEqualTo(503);
    assertThat(second.getHeader("Retry-After")).isEqualTo("2");
    assertThat(second.getHeader("Connection")).as("a waiting client does not keep a connection").isEqualTo("close");
    assertThat(second.getContentAsString()).contains("申請が集中しています");
    assertThat(untouched.getRequest()).as("the shed request never reached the application").isNull();
    assertThat(limiter.shedCount()).isEqualTo(1);
    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(run(limiter, new MockFilterChain()).getStatus()).as("a turn is free again").isEqualTo(200);
  }

  @Test
  void shouldLetAFewWaitForTheirTurnAndTurnThemAwayAfterTheWait() throws Exception {
    SubmissionLimiter limiter = new SubmissionLimiter(new SubmissionLimits(1, 1, Duration.ofMillis(300), 1));
    CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> submit(limiter, blocking()));
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    MockHttpServletResponse waited = run(limiter, new MockFilterChain());

    assertThat(waited.getStatus()).isEqualTo(503);
    assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(250);
    release.countDown();
    first.get(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldOnlyLimitSubmissions() {
    SubmissionLimiter limiter = new SubmissionLimiter(new SubmissionLimits(1, 0, Duration.ZERO, 1));
    assertThat(limiter.shouldNotFilter(request("POST", "/api/demo/applications"))).isFalse();
    assertThat(limiter.shouldNotFilter(request("POST", "/api/demo/applications/2026-000001/correction")))
        .isFalse();
    assertThat(limiter.shouldNotFilter(request("POST",
        "/engine-rest/process-definition/key/bulky-waste-collection/start"))).isFalse();
    assertThat(limiter.shouldNotFilter(request("GET", "/api/demo/applications"))).isTrue();
    assertThat(limiter.shouldNotFilter(request("POST", "/line/demo/webhook"))).isTrue();
  }

  private MockFilterChain blocking() {
    return new MockFilterChain(new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response) {
        entered.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
  }

  private static MockHttpServletResponse submit(SubmissionLimiter limiter, MockFilterChain chain) {
    try {
      return run(limiter, chain);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockHttpServletResponse run(SubmissionLimiter limiter, MockFilterChain chain) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    limiter.doFilter(request("POST", "/api/demo/applications"), response, chain);
    return response;
  }

  /** As the container hands it to a filter: mapped to the dispatcher servlet, which has the whole path. */
  private static MockHttpServletRequest request(String method, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setServletPath(path);
    return request;
  }
}
