package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A submission takes its turn only once its body is in: before, a dozen anonymous connections that
 * sent headers and then dribbled their bodies held every turn, and every municipality's residents got 503.
 */
class SlowSubmissionBodiesTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired SubmissionLimits limits;

  @Test
  void shouldNotLetUnfinishedBodiesHoldTheTurnsOfRealSubmissions() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < limits.maxConcurrent() + 2; i++) {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/no-such-town/applications HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(socket);
      }
      Thread.sleep(500);

      HttpResponse<String> real = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/demo/applications"))
          .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
          .header("Authorization", "Bearer not-a-token")
          .POST(HttpRequest.BodyPublishers.ofString("{\"procedure\": \"bulky-waste-collection\", \"data\": {}}")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(real.statusCode()).as(real.body()).isNotEqualTo(503).isBetween(400, 499);
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }
}
