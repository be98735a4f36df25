package jp.madoguchi.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jp.madoguchi.LineWebhooks;

/** Signed webhook deliveries for the demo tenant's channel, as LINE sends them, and what answering one means. */
final class WebhookEvents {

  /** The embedded default's demo channel secret (demo seed, published in the README). */
  static final String DEMO_CHANNEL_SECRET = "demo-channel-secret-0123456789ab";

  /** One event: its id, the resident, the reply token that answers it once. */
  record Event(String id, String userId, String replyToken, String text) {

    static Event next(int resident, int sequence) {
      String id = LineWebhooks.newEventId();
      return new Event(id, "Uhook%027d".formatted(resident), "rt-" + id, sequence % 4 == 3 ? "状況" : "こんにちは");
    }

    /** The retry key of the push the app falls back to when the reply token can no longer be used. */
    String pushRetryKey() {
      return UUID.nameUUIDFromBytes(("demo|" + replyToken + "|" + userId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** How often the resident was answered, as the LINE stand-in saw it: by the reply, or by the push instead. */
    int answers(LocalLineStandIn line) {
      return (line.acceptedReplies.containsKey(replyToken) ? 1 : 0)
          + (line.acceptedPushes.containsKey(pushRetryKey()) ? 1 : 0);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The status LINE got (-1: no answer), with the latency in microseconds and the answer's Retry-After (0: none). */
  record Ack(int status, long micros, int retryAfterSeconds) {
  }

  CompletableFuture<Ack> deliver(String baseUrl, Event event, boolean redelivery) {
    String body = LineWebhooks.body(LineWebhooks.textEvent(event.id(), event.userId(), event.replyToken(), event.text(),
        redelivery));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/line/demo/webhook"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("x-line-signature", LineWebhooks.sign(DEMO_CHANNEL_SECRET, bytes))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    long start = System.nanoTime();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle((response, failure) -> new Ack(failure == null ? response.statusCode() : -1,
            (System.nanoTime() - start) / 1000, failure == null ? response.headers().firstValue("Retry-After")
                .filter(value -> value.matches("\\d{1,6}")).map(Integer::parseInt).orElse(0) : 0));
  }
}
