package jp.madoguchi.audit;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.audit.AuditEntry.Category;
import jp.madoguchi.benchmark.BenchmarkFolders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000,000 access-log entries of one tenant through the real writer (queue, batches, hash chain),
 * then all of them streamed as CSV over HTTP while the heap is sampled, then the chain verified.
 * Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=AuditLogBenchmark}
 */
@Tag("benchmark")
class AuditLogBenchmark {

  private static final int ENTRIES = 1_000_000;

  @Test
  void writeAMillionEntriesAndStreamThemAsCsv() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MadoguchiApplication.class).run(
        "--server.port=0", "--madoguchi.line.workers-enabled=false", "--camunda.bpm.job-execution.enabled=false",
        "--madoguchi.embedded-db.data-dir=" + BenchmarkFolders.create("madoguchi-audit-bench-"),
        "--logging.level.root=WARN")) {
      AuditLog log = app.getBean(AuditLog.class);
      Instant start = Instant.now();
      long t0 = System.nanoTime();
      for (int i = 0; i < ENTRIES; i++) {
        log.append(new AuditEntry("demo", start.plusMillis(i), Category.ACCESS, i % 10 == 0 ? "personal-data.read" : "access",
            i % 3 == 0 ? "demo-clerk" : "resident:" + Integer.toHexString(i % 5000), "192.0.2." + (i % 250), "GET",
            "/api/{tenant}/applications/{number}", 200, i % 40, "2026-" + String.format("%06d", i % 100_000),
            i % 10 == 0, null, i % 1000 == 0 ? "=SUM(A1)" : null, null, null));
      }
      log.flush(Duration.ofMinutes(30));
      double writeSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("%nBENCHMARK audit log: %,d entries written through the queue in %.1f s (%,.0f entries/s)%n",
          ENTRIES, writeSeconds, ENTRIES / writeSeconds);

      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();
      AtomicLong peak = new AtomicLong(baseline);
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.start();
      String port = app.getEnvironment().getProperty("local.server.port");
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/demo/admin/access-log"))
          .header("Accept", "text/csv").header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString("demo-admin:Madoguchi-Admin-2026!".getBytes(StandardCharsets.UTF_8))).build();
      long t1 = System.nanoTime();
      long bytes = 0;
      long lines = 0;
      HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] buffer = new byte[65_536];
        for (int read; (read = in.read(buffer)) > 0; ) {
          bytes += read;
          for (int i = 0; i < read; i++) {
            if (buffer[i] == '\n') {
              lines++;
            }
          }
        }
      }
      double streamSeconds = (System.nanoTime() - t1) / 1e9;
      sampler.interrupt();
      sampler.join();
      System.out.printf("BENCHMARK audit log CSV: %,d lines, %,d MB in %.1f s (%,.0f rows/s); heap before %d MB, "
          + "peak while streaming %d MB (+%d MB, max heap %d MB)%n", lines, bytes >> 20, streamSeconds,
          lines / streamSeconds, baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20,
          memory.getHeapMemoryUsage().getMax() >> 20);

      long t2 = System.nanoTime();
      var verification = app.getBean(AuditChainVerifier.class).verify("demo");
      System.out.printf("BENCHMARK audit chain verification: %,d entries in %.1f s, valid: %s%n%n",
          verification.entries(), (System.nanoTime() - t2) / 1e9, verification.valid());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(lines).isGreaterThanOrEqualTo(ENTRIES + 1);
      assertThat(verification.valid()).isTrue();
    }
  }
}
