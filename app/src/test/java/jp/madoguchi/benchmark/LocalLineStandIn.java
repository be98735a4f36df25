package jp.madoguchi.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal stand-in for LINE's push and reply endpoints on 127.0.0.1, light enough not to be
 * the bottleneck of a benchmark. It counts requests and the distinct retry keys it saw.
 */
final class LocalLineStandIn implements AutoCloseable {

  private static final byte[] OK = "{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  final AtomicInteger pushes = new AtomicInteger();
  final AtomicInteger replies = new AtomicInteger();
  final Set<String> retryKeys = ConcurrentHashMap.newKeySet();

  LocalLineStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.createContext("/v2/bot/message/push", exchange -> {
      pushes.incrementAndGet();
      String key = exchange.getRequestHeaders().getFirst("X-Line-Retry-Key");
      if (key != null) {
        retryKeys.add(key);
      }
      answer(exchange);
    });
    server.createContext("/v2/bot/message/reply", exchange -> {
      replies.incrementAndGet();
      answer(exchange);
    });
    server.setExecutor(threads);
    server.start();
  }

  /** Runs as its own process, so that LINE's side of a benchmark does not share the app's JVM. */
  public static void main(String[] args) throws Exception {
    LocalLineStandIn standIn = new LocalLineStandIn();
    standIn.server.createContext("/stats", exchange -> {
      byte[] stats = String.format("{\"pushes\":%d,\"replies\":%d,\"retryKeys\":%d}", standIn.pushes.get(),
          standIn.replies.get(), standIn.retryKeys.size()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, stats.length);
      exchange.getResponseBody().write(stats);
      exchange.close();
    });
    System.out.println("PORT " + standIn.server.getAddress().getPort());
    System.out.flush();
    System.in.read(); // until the parent closes our stdin
    standIn.close();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, OK.length);
    exchange.getResponseBody().write(OK);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
