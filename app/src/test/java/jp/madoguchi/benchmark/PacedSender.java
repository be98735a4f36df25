package jp.madoguchi.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load in the manner of wrk2: every request has a planned moment at a constant rate and
 * its latency counts from that moment, so a stalled server is not hidden by a waiting client
 * (coordinated omission). Requests are sent as prepared bytes over a fixed set of HTTP/1.1
 * keep-alive connections, each in a blocking thread of its own, so the generator costs little CPU
 * on the machine it shares with the app (the JDK's HttpClient took up to a core at 500/s).
 */
final class PacedSender {

  record Result(Latencies latencies, int failed, double achievedRate, Schedule schedule) {
  }

  /** When each request was due ({@link System#nanoTime()}) and how long its answer took. */
  record Schedule(long startNanos, long intervalNanos, long[] micros) {

    int size() {
      return micros.length;
    }

    long dueNanos(int index) {
      return startNanos + index * intervalNanos;
    }

    long answeredNanos(int index) {
      return dueNanos(index) + micros[index] * 1000;
    }
  }

  private static final int STOP = -1;

  private PacedSender() {
  }

  /** A POST request as bytes, ready to be written to a connection. */
  static byte[] post(URI url, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder("POST ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
        .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] request = new byte[start.length + body.length];
    System.arraycopy(start, 0, request, 0, start.length);
    System.arraycopy(body, 0, request, start.length, body.length);
    return request;
  }

  /**
   * Sends every request at {@code rate} a second over {@code connections} connections and waits
   * for all answers; a request is failed when its answer is not 200 or its connection broke.
   */
  static Result send(URI target, List<byte[]> requests, int rate, int connections) throws InterruptedException {
    int count = requests.size();
    long[] micros = new long[count];
    AtomicInteger failed = new AtomicInteger();
    BlockingQueue<Integer> due = new LinkedBlockingQueue<>();
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    List<Thread> senders = new ArrayList<>(connections);
    for (int c = 0; c < connections; c++) {
      Thread sender = new Thread(() -> {
        Connection connection = null;
        try {
          for (int index = due.take(); index != STOP; index = due.take()) {
            long planned = start + index * intervalNanos;
            int status;
            try {
              if (connection == null) {
                connection = new Connection(target);
              }
              status = connection.exchange(requests.get(index));
              if (connection.closedByServer) {
                connection = Connection.closeQuietly(connection);
              }
            } catch (IOException broken) {
              status = -1;
              connection = Connection.closeQuietly(connection);
            }
            micros[index] = (System.nanoTime() - planned) / 1000;
            if (status != 200) {
              failed.incrementAndGet();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          Connection.closeQuietly(connection);
        }
      }, "paced-sender-" + c);
      sender.setDaemon(true);
      sender.start();
      senders.add(sender);
    }
    for (int i = 0; i < count; i++) {
      long wait = start + i * intervalNanos - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      due.add(i);
    }
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    for (int c = 0; c < connections; c++) {
      due.add(STOP);
    }
    for (Thread sender : senders) {
      sender.join();
    }
    return new Result(new Latencies(micros), failed.get(), count / sendSeconds,
        new Schedule(start, intervalNanos, micros));
  }

  /** One keep-alive connection: writes a request, reads the whole answer, returns its status. */
  private static final class Connection {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private boolean closedByServer;

    Connection(URI target) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    int exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String statusLine = line();
      if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
        throw new IOException("not an HTTP answer: " + statusLine);
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = 0;
      boolean chunked = false;
      boolean close = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).strip());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
            size = Long.parseLong(line().split(";")[0].strip(), 16)) {
          skip(size);
          line();
        }
        line();
      } else {
        skip(length);
      }
      closedByServer = close;
      return status;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b == -1) {
          throw new IOException("connection closed");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    private void skip(long bytes) throws IOException {
      long left = bytes;
      while (left > 0) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() == -1) {
            throw new IOException("connection closed");
          }
          skipped = 1;
        }
        left -= skipped;
      }
    }

    static Connection closeQuietly(Connection connection) {
      if (connection != null) {
        try {
          connection.socket.close();
        } catch (IOException ignored) {
          // closing a broken connection
        }
      }
      return null;
    }
  }
}
