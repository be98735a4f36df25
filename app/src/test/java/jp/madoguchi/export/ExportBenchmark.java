package jp.madoguchi.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exports 100,000 applications ({@code -Dexport.applications=N}) of tenant {@code demo} and
 * downloads the ZIP, printing the time of each and the heap's peak. Run it with a small heap to
 * show memory stays bounded:
 * {@code ./mvnw -pl app -Pbenchmark test -Dtest=ExportBenchmark -DargLine=-Xmx256m}.
 * The rows are written directly (sealed payloads of a typical 粗大ごみ application), as the app
 * writes them at registration, each with the engine history of a finished application
 * ({@link GeneratedHistory}: 1–3 review tasks with their candidate group, three variables, comments
 * on some), so that tasks.json, comments.json and variables.json cost what they would.
 */
@Tag("benchmark")
class ExportBenchmark extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantKeys keys;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repository;

  @Test
  void exportsOneHundredThousandApplicationsInBoundedMemory() throws Exception {
    int count = Integer.getInteger("export.applications", 100_000);
    long generating = System.nanoTime();
    GeneratedHistory.Written history = generate(count);
    double generated = seconds(generating);
    // as autovacuum does on a database in use: without it the planner sees nearly empty tables
    // (the per-task comment lookups then slowed the export more than threefold at 20,000)
    jdbc.execute("ANALYZE");
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    // with engine history, 100,000 applications may take longer than the tests' two minutes
    ExportDownloads downloads = new ExportDownloads(port, Duration.ofHours(1));

    long exporting = System.nanoTime();
    String id = downloads.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{}");
    double exported = seconds(exporting);
    long downloading = System.nanoTime();
    long[] zipBytes = {0};
    long entries = readDownload(id, zipBytes);
    double downloaded = seconds(downloading);
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

    assertThat(entries).isGreaterThan(3);
    System.out.printf("%nExportBenchmark (shared, noisy machine): %,d applications generated in %.1f s%n", count, generated);
    System.out.printf("  engine history: %,d rows (%,d instances, %,d activities, %,d tasks, %,d candidate links, "
        + "%,d variables, %,d comments)%n", history.total(), history.instances(), history.activities(), history.tasks(),
        history.links(), history.variables(), history.comments());
    System.out.printf("  export job: %.1f s; download (decrypt + stream): %.1f s; ZIP %,d bytes, %d entries%n",
        exported, downloaded, zipBytes[0], entries);
    System.out.printf("  peak heap during export and download: %,d MB (sum of heap pools' peaks) of max heap %,d MB%n%n",
        peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  private long readDownload(String id, long[] zipBytes) throws Exception {
    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + port + "/api/demo/admin/exports/" + id + "/download")).timeout(Duration.ofMinutes(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("demo-admin:" + DEMO_ADMIN_PASSWORD)
            .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    long entries = 0;
    try (InputStream body = response.body(); ZipInputStream zip = new ZipInputStream(new InputStream() {
      @Override
      public int read() throws java.io.IOException {
        int b = body.read();
        zipBytes[0] += b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws java.io.IOException {
        int n = body.read(bytes, offset, length);
        zipBytes[0] += Math.max(n, 0);
        return n;
      }
    })) {
      byte[] buffer = new byte[64 * 1024];
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; entries++) {
        while (zip.read(buffer) >= 0) {
          // read through: the test client holds one buffer, not the ZIP
        }
      }
    }
    return entries;
  }

  private GeneratedHistory.Written generate(int count) {
    Instant start = Instant.now().minus(Duration.ofDays(365));
    GeneratedHistory history = new GeneratedHistory(jdbc, repository, DEMO);
    List<Object[]> batch = new ArrayList<>(1_000);
    for (int i = 0; i < count; i++) {
      ObjectNode data = json.createObjectNode().put("applicantName", "大量 太郎" + i).put("address", "デモ市中央" + i + "-1")
          .put("preferredDate1", "2026-12-10").put("phone", "090-0000-" + "%04d".formatted(i % 10_000))
          .put("note", "玄関前に出します。" + i);
      data.putArray("items").addObject().put("name", "ソファ").put("size", "L").put("quantity", 1);
      String number = "B-%07d".formatted(i);
      String processInstanceId = "bench-" + UUID.randomUUID();
      Instant submitted = start.plusSeconds(i * 300L);
      batch.add(new Object[] {UUID.randomUUID(), DEMO, number, "bulky-waste-collection", processInstanceId,
          "Ubench%027d".formatted(i % 5_000), Timestamp.from(submitted),
          keys.encrypt(DEMO, "application.payload", data.toString())});
      history.add(i, processInstanceId, number, submitted);
      if (batch.size() == 1_000 || i == count - 1) {
        jdbc.batchUpdate("""
            INSERT INTO application (id, tenant_id, number, procedure_key, process_instance_id, resident_ref,
                                     submitted_at, payload, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ONLINE')""", batch);
        batch.clear();
      }
    }
    return history.finish();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
