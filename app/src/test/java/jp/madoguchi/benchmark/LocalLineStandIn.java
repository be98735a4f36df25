package jp.madoguchi.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jp.madoguchi.LineIdTokens;

/**
 * A stand-in for LINE's platform on 127.0.0.1 that keeps LINE's promises, light enough not to be the
 * bottleneck: a reply token answers once (again: 400 "Invalid reply token"); a push is accepted
 * once per {@code X-Line-Retry-Key} (again: 409); LINE Login's key set is published for ID tokens.
 * It can be told to fail like LINE does in an outage ({@link Mode}). It counts what it accepted, so
 * a drill can check that every message arrived exactly once.
 */
final class LocalLineStandIn implements AutoCloseable {

  enum Mode { UP, ERROR_500, RATE_LIMITED_429, SLOW }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] SENT = "{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "line-stand-in");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
  private volatile long slowMillis = 15_000;
  private volatile int retryAfterSeconds = 10;
  /** reply token → user it answered; retry key → user it reached */
  final Map<String, String> acceptedReplies = new ConcurrentHashMap<>();
  final Map<String, String> acceptedPushes = new ConcurrentHashMap<>();
  final AtomicInteger replyRequests = new AtomicInteger();
  final AtomicInteger pushRequests = new AtomicInteger();
  final AtomicInteger refusedReplyTokens = new AtomicInteger();
  final AtomicInteger repeatedRetryKeys = new AtomicInteger();
  final AtomicInteger failedOnPurpose = new AtomicInteger();
  private volatile long lastAcceptedNanos;

  static {
    // the JDK's server writes an answer's head and body apart; without this every call waits for
    // the client's delayed ACK (about 40 ms), which capped the handlers at ~150 events/s, not the app
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  LocalLineStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.createContext("/v2/bot/message/reply", exchange -> handle(exchange, true));
    server.createContext("/v2/bot/message/push", exchange -> handle(exchange, false));
    byte[] keys = LineIdTokens.jwks(LineIdTokens.LINE).getBytes(StandardCharsets.UTF_8);
    server.createContext("/oauth2/v2.1/certs", exchange -> answer(exchange, 200, keys));
    server.setExecutor(threads);
    server.start();
  }

  /** As its own process (benchmarks): prints its port; {@code /stats}; lives until stdin closes. */
  public static void main(String[] args) throws Exception {
    LocalLineStandIn standIn = new LocalLineStandIn();
    standIn.server.createContext("/stats", exchange -> answer(exchange, 200, standIn.stats().getBytes(StandardCharsets.UTF_8)));
    System.out.println("PORT " + standIn.server.getAddress().getPort());
    System.out.flush();
    System.in.read();
    standIn.close();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void mode(Mode newMode) {
    mode.set(newMode);
  }

  void slowAnswersAfter(long millis) {
    slowMillis = millis;
  }

  void retryAfter(int seconds) {
    retryAfterSeconds = seconds;
  }

  /** When LINE last accepted a message (System.nanoTime), 0 if never. */
  long lastAcceptedNanos() {
    return lastAcceptedNanos;
  }

  String stats() {
    return String.format("{\"replyRequests\":%d,\"pushRequests\":%d,\"acceptedReplies\":%d,\"acceptedPushes\":%d,"
        + "\"refusedReplyTokens\":%d,\"repeatedRetryKeys\":%d,\"failedOnPurpose\":%d}", replyRequests.get(),
        pushRequests.get(), acceptedReplies.size(), acceptedPushes.size(), refusedReplyTokens.get(),
        repeatedRetryKeys.get(), failedOnPurpose.get());
  }

  private void handle(HttpExchange exchange, boolean reply) throws IOException {
    (reply ? replyRequests : pushRequests).incrementAndGet();
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    Mode now = mode.get();
    if (now == Mode.ERROR_500) {
      failedOnPurpose.incrementAndGet();
      answer(exchange, 500, "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (now == Mode.RATE_LIMITED_429) {
      failedOnPurpose.incrementAndGet();
      exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
      answer(exchange, 429, "{\"message\":\"The API rate limit has been exceeded. Try again later.\"}"
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (now == Mode.SLOW) {
      sleep(slowMillis); // LINE takes the message, but answers after the client stopped waiting
    }
    if (reply) {
      String token = body.path("replyToken").asText();
      if (acceptedReplies.putIfAbsent(token, "used") != null) {
        refusedReplyTokens.incrementAndGet();
        answer(exchange, 400, "{\"message\":\"Invalid reply token\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
    } else {
      String retryKey = exchange.getRequestHeaders().getFirst("X-Line-Retry-Key");
      if (retryKey != null && acceptedPushes.putIfAbsent(retryKey, body.path("to").asText()) != null) {
        repeatedRetryKeys.incrementAndGet();
        exchange.getResponseHeaders().add("x-line-accepted-request-id", "accepted-" + retryKey);
        answer(exchange, 409, "{\"message\":\"The retry key is already accepted\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    lastAcceptedNanos = System.nanoTime();
    answer(exchange, 200, SENT);
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
