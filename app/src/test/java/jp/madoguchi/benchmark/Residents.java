package jp.madoguchi.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jp.madoguchi.LineIdTokens;
import jp.madoguchi.TestDates;

/**
 * Residents filing bulky-waste applications through the LIFF API, each with an ID token of their
 * own (signed with the key the LINE stand-in publishes), the way the LIFF page does: a fresh
 * {@code clientRequestId} per application, the same one again for a retry.
 */
final class Residents {

  static final String DATA = """
      {"items": [{"name": "ソファ", "size": "L", "quantity": 1}], "applicantName": "山田 花子", "address": "デモ市中央1-2-3",
       "preferredDate1": "%s", "phone": "090-1234-5678"}""".formatted(TestDates.daysAhead(14));

  /** What one request got: status -1 when no answer came (connection refused or reset, timeout). */
  record Outcome(int status, String applicationNumber, long micros, int retryAfterSeconds) {

    boolean accepted() {
      return status == 200 || status == 201;
    }

    /** Shed or unavailable, as the server said (Retry-After), or no answer at all: the client sends it again. */
    boolean retry() {
      return status == -1 || status == 503 || status == 429;
    }
  }

  private final List<String> tokens = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Residents(int count) {
    for (int i = 0; i < count; i++) {
      tokens.add(LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, userId(i)));
    }
  }

  static String userId(int resident) {
    return "U%032d".formatted(resident);
  }

  int count() {
    return tokens.size();
  }

  Outcome submit(String baseUrl, int resident, UUID clientRequestId) {
    try {
      return submitAsync(baseUrl, resident, clientRequestId).join();
    } catch (RuntimeException e) {
      return new Outcome(-1, null, 0, 0);
    }
  }

  CompletableFuture<Outcome> submitAsync(String baseUrl, int resident, UUID clientRequestId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/demo/applications"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + tokens.get(resident % tokens.size()))
        .POST(HttpRequest.BodyPublishers.ofString("{\"procedureKey\": \"bulky-waste-collection\", \"clientRequestId\": \""
            + clientRequestId + "\", \"data\": " + DATA + "}", StandardCharsets.UTF_8))
        .build();
    long start = System.nanoTime();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
      long micros = (System.nanoTime() - start) / 1000;
      if (failure != null) {
        return new Outcome(-1, null, micros, 0);
      }
      String body = response.body();
      String number = body.contains("applicationNumber")
          ? body.replaceAll("(?s).*\"applicationNumber\"\\s*:\\s*\"([^\"]+)\".*", "$1") : null;
      int retryAfter = response.headers().firstValue("Retry-After").map(Integer::parseInt).orElse(0);
      return new Outcome(response.statusCode(), number, micros, retryAfter);
    });
  }
}
