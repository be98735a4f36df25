package jp.madoguchi.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * An attacker's huge body, streamed from one small buffer (the test never holds it in memory): the
 * client keeps sending until the server answers or closes, and reports how much it got to send.
 */
final class StreamedBodies {

  private static final byte[] BLOCK = new byte[64 * 1024];

  static {
    Arrays.fill(BLOCK, (byte) 'x');
  }

  record Outcome(int status, long sentBytes) {
  }

  private StreamedBodies() {
  }

  /** @param declared the body length announced (Content-Length) or, chunked, the length the client would send */
  static Outcome post(int port, String path, Map<String, String> headers, long declared, boolean chunked)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + declared + "\r\n").append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      long sent = 0;
      try {
        while (sent < declared && in.available() == 0) {
          if (chunked) {
            out.write((Integer.toHexString(BLOCK.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          }
          out.write(BLOCK);
          if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          sent += BLOCK.length;
        }
        if (chunked && sent >= declared) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException closedByServer) {
        // the server stopped reading: what matters is how much it took first
      }
      return new Outcome(status(in), sent);
    }
  }

  private static int status(InputStream in) {
    try {
      String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
      return line == null ? -1 : Integer.parseInt(line.split(" ")[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
