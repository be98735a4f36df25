package jp.madoguchi.attachment;

import static jp.madoguchi.LineIdTokens.DEMO_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Images that are cheap to send and expensive to decode: refused from their header, decoded with no
 * database connection or lock held, one at a time per resident, and a resident whose uploads keep
 * failing is stopped for the hour.
 */
class ImageUploadLimitsTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  private String resident;

  @BeforeEach
  void publishKeys() {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    resident = LineIdTokens.newUserId();
  }

  @Test
  void shouldRefuseA16BitPngThatWouldDecodeTo320MegabytesFromItsHeader() throws Exception {
    byte[] bomb = TestImages.png16BitRgba(6324, 6324, false);
    assertThat(bomb.length).isLessThan(400_000);

    HttpResponse<String> refused = upload(resident, bomb);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).get("message").asText()).contains("画像のデータ量が大きすぎます");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM attachment WHERE resident_ref = ?", Long.class, resident))
        .isZero();
  }

  @Test
  void shouldStillTakeA48MegapixelPhotoFromAPhone() throws Exception {
    HttpResponse<String> stored = upload(resident, TestImages.write(8000, 6000, "jpeg"));

    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    byte[] content = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/demo/attachments/"
            + json.readTree(stored.body()).get("id").asText()))
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(DEMO_CHANNEL, resident)).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
    assertThat(ImageIO.read(new ByteArrayInputStream(content)).getWidth()).isEqualTo(8000);
  }

  /**
   * The review's attack: many parallel uploads of one resident each held a pooled connection while
   * they waited for the resident's lock, which the one decoding held for seconds.
   */
  @Test
  void shouldDecodeWithoutHoldingTheResidentsLockAndTurnAwayTheirSecondUploadMeanwhile() throws Exception {
    byte[] slow = TestImages.png16BitRgba(4000, 4000, false); // 128 MB decoded: seconds of work
    assertThat(upload(LineIdTokens.newUserId(), TestImages.write(40, 30, "png")).statusCode())
        .as("a first upload in this JVM, so that the next reaches its decode at once").isEqualTo(201);
    ExecutorService client = Executors.newSingleThreadExecutor();
    Future<HttpResponse<String>> first = client.submit(() -> upload(resident, slow));
    client.shutdown();
    Thread.sleep(300);
    int locked = 0;
    for (int probe = 0; probe < 20; probe++) {
      locked += residentLockIsFree() ? 0 : 1;
      Thread.sleep(50);
    }

    assertThat(first.isDone()).as("still decoding").isFalse();
    assertThat(locked).as("probes that found the resident's lock held while the image was decoded").isLessThanOrEqualTo(1);
    HttpResponse<String> second = upload(resident, TestImages.write(40, 30, "png"));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(second.body()).get("message").asText()).contains("前のファイルを送っている途中です");

    assertThat(first.get().statusCode()).as(first.get().body()).isEqualTo(201);
    assertThat(upload(resident, TestImages.write(40, 30, "png")).statusCode()).as("once the first is done").isEqualTo(201);
  }

  /** A truncated image fails only once decoded and is never stored: without a limit it could be sent for ever. */
  @Test
  void shouldStopTakingUploadsOfAResidentWhoseImagesAreRefusedAgainAndAgain() throws Exception {
    HttpResponse<String> truncatedBomb = upload(resident, TestImages.png16BitRgba(3000, 3000, true));
    assertThat(truncatedBomb.statusCode()).as(truncatedBomb.body()).isEqualTo(415);
    for (int i = 1; i < 30; i++) {
      assertThat(upload(resident, TestImages.png16BitRgba(64, 64, true)).statusCode()).isEqualTo(415);
    }

    HttpResponse<String> stopped = upload(resident, TestImages.write(40, 30, "jpeg"));

    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(429);
    assertThat(json.readTree(stopped.body()).get("message").asText()).contains("しばらく添付を受け付けません");
    assertThat(Integer.parseInt(stopped.headers().firstValue("Retry-After").orElseThrow())).isBetween(3000, 3600);
    assertThat(upload(LineIdTokens.newUserId(), TestImages.write(40, 30, "jpeg")).statusCode())
        .as("another resident").isEqualTo(201);
  }

  private boolean residentLockIsFree() {
    return jdbc.execute((ConnectionCallback<Boolean>) connection -> {
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?), hashtext(?))")) {
        lock.setString(1, DEMO);
        lock.setString(2, resident);
        try (ResultSet result = lock.executeQuery()) {
          result.next();
          if (!result.getBoolean(1)) {
            return false;
          }
        }
      }
      try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?), hashtext(?))")) {
        unlock.setString(1, DEMO);
        unlock.setString(2, resident);
        unlock.execute();
      }
      return true;
    });
  }

  private HttpResponse<String> upload(String user, byte[] content) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/demo/attachments"))
        .header("Content-Type", "multipart/form-data; boundary=b")
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(DEMO_CHANNEL, user))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
