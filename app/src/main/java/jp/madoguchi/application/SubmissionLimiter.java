package jp.madoguchi.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.web.RequestPaths;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load on the submission path (the opening minute of a popular procedure): a bounded number
 * of submissions run at once and a bounded number wait their turn for a short while; the rest get
 * {@code 503} with {@code Retry-After} at once, having written nothing, each told a second of its
 * own to come back ({@link RetryPacing}), and the connection is closed so that a crowd of waiting
 * clients does not hold the server's connections. Submissions carry a client
 * key ({@code clientRequestId}, {@code Idempotency-Key}), so the retry the client makes is safe.
 * Everything else (webhooks, pages, health, Tasklist) keeps its share of threads and connections.
 */
public class SubmissionLimiter extends OncePerRequestFilter {

  /** Resident submissions and their actions, and process starts through the REST API. */
  private static final Pattern SUBMISSION = Pattern.compile(
      "/api/[^/]+/applications(/[^/]+/(correction|withdrawal))?"
      + "|/engine-rest/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(start|submit-form)");
  static final String MESSAGE = "ただいま申請が集中しています。数秒後に自動で再送します。"
      + " (Many submissions are arriving right now; please retry in a few seconds.)";

  private final SubmissionLimits limits;
  private final Semaphore running;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicLong shed = new AtomicLong();
  private final RetryPacing pacing;

  public SubmissionLimiter(SubmissionLimits limits) {
    this.limits = limits;
    this.running = new Semaphore(limits.maxConcurrent(), true);
    this.pacing = new RetryPacing(limits.retryAfterSeconds(), limits.maxConcurrent(),
        () -> System.nanoTime() / 1_000_000_000L);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !SUBMISSION.matcher(RequestPaths.of(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!acquire()) {
      shed.incrementAndGet();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(pacing.retryAfterSeconds()));
      response.setHeader(HttpHeaders.CONNECTION, "close");
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"message\":\"" + MESSAGE + "\"}");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      running.release();
      pacing.finished();
    }
  }

  private boolean acquire() throws ServletException {
    if (running.tryAcquire()) {
      return true;
    }
    if (waiting.incrementAndGet() > limits.maxQueued()) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return running.tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("interrupted while waiting for a turn", e);
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** Submissions turned away since the start (for benchmarks and operators' curiosity). */
  public long shedCount() {
    return shed.get();
  }
}
