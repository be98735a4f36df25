package jp.madoguchi.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.procedure.FormSchema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Milliseconds per document (compose, render with font subsetting, sign), after warm-up, one
 * thread and two. Run: {@code ./mvnw -o -pl app -Pbenchmark test -Dexec.skip=true -Dtest=DocumentBenchmark}
 */
@Tag("benchmark")
class DocumentBenchmark extends IntegrationTest {

  private static final int WARM_UP = 30;
  private static final int MEASURED = 200;

  @Autowired Documents documents;
  @Autowired DocumentLayouts layouts;
  @Autowired DocumentRenderer renderer;
  @Autowired SigningCredentials credentials;
  @Autowired ObjectMapper json;

  @Test
  void millisecondsPerDocument() throws Exception {
    long keyStart = System.nanoTime();
    credentials.forTenant(DEMO);
    System.out.printf("BENCHMARK first use of the tenant's key (self-signed ECDSA P-256 when new): %.0f ms%n",
        (System.nanoTime() - keyStart) / 1e6);
    DocumentLayout receipt = layouts.find("receipt").orElseThrow();
    DocumentComposer.Source source = source(receipt.title());
    for (int i = 0; i < WARM_UP; i++) {
      documents.produce(DEMO, receipt, source);
    }

    double[] single = new double[MEASURED];
    int size = 0;
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      size = documents.produce(DEMO, receipt, source).length;
      single[i] = (System.nanoTime() - start) / 1e6;
    }
    double[] renderOnly = new double[MEASURED];
    DocumentContent content = DocumentComposer.compose(receipt, source);
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      renderer.render(content, java.util.GregorianCalendar.from(source.issuedAt()));
      renderOnly[i] = (System.nanoTime() - start) / 1e6;
    }
    print("receipt, 1 thread, render + sign", single);
    print("receipt, 1 thread, render only   ", renderOnly);
    System.out.printf("BENCHMARK receipt size: %,d bytes%n", size);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      long start = System.nanoTime();
      List<Future<byte[]>> futures = new ArrayList<>();
      for (int i = 0; i < MEASURED; i++) {
        futures.add(pool.submit(() -> documents.produce(DEMO, receipt, source)));
      }
      for (Future<byte[]> future : futures) {
        assertThat(future.get()).isNotEmpty();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("BENCHMARK receipt, 2 threads: %.1f documents/s (%.1f ms per document)%n", MEASURED / seconds,
          seconds * 1000 / MEASURED);
    } finally {
      pool.shutdown();
    }
  }

  private static void print(String label, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf("BENCHMARK %s: mean %.1f ms, p50 %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)%n", label,
        Arrays.stream(millis).average().orElse(0), sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)],
        sorted[sorted.length - 1], sorted.length);
  }

  private DocumentComposer.Source source(String title) throws Exception {
    String id = UUID.randomUUID().toString();
    ObjectNode data = (ObjectNode) json.readTree("""
        {"items": [{"name": "ソファ", "size": "L", "quantity": 1}, {"name": "自転車", "size": "M", "quantity": 2}],
         "applicantName": "山田 花子", "address": "デモ市中央1-2-3", "preferredDate1": "2026-12-10", "phone": "090-1234-5678"}""");
    return new DocumentComposer.Source(id, documents.verificationUrl(DEMO, UUID.fromString(id)), "デモ市",
        "粗大ごみ収集申込", "2026-000123", ZonedDateTime.parse("2026-11-25T09:30:00+09:00[Asia/Tokyo]"),
        ZonedDateTime.parse("2026-11-26T14:05:00+09:00[Asia/Tokyo]"), title, json.createObjectNode(), data,
        form("apply"), List.of(form("review")), "機密性2・個人情報");
  }

  private FormSchema form(String step) throws Exception {
    try (InputStream in = new ClassPathResource("forms/bulky-waste-collection/" + step + ".form").getInputStream()) {
      return FormSchema.parse(json.readTree(in));
    }
  }
}
