package jp.madoguchi.attachment;

import static jp.madoguchi.LineIdTokens.DEMO_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.TestDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Uploads that never become part of an application: a quota per resident, deleted after a day. */
class PendingUploadsTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired PendingUploads pendingUploads;
  private String resident;

  @BeforeEach
  void publishKeys() {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    resident = LineIdTokens.newUserId();
  }

  @Test
  void shouldRefuseMoreUnattachedFilesThanTheQuotaWithAJapaneseReason() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> uploaded = upload(resident);
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
      ids.add(json.readTree(uploaded.body()).get("id").asText());
    }

    HttpResponse<String> refused = upload(resident);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(json.readTree(refused.body()).get("message").asText()).contains("上限", "1日で削除されます");
    assertThat(upload(LineIdTokens.newUserId()).statusCode()).as("another resident's quota").isEqualTo(201);
    HttpResponse<String> submitted = submit(resident, ids.subList(0, 3));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    assertThat(upload(resident).statusCode()).as("files in an application no longer count").isEqualTo(201);
  }

  @Test
  void shouldDeleteFilesNotAttachedWithinADayAndKeepTheOthers() throws Exception {
    String attached = json.readTree(upload(resident).body()).get("id").asText();
    String forgotten = json.readTree(upload(resident).body()).get("id").asText();
    String recent = json.readTree(upload(resident).body()).get("id").asText();
    assertThat(submit(resident, List.of(attached)).statusCode()).isEqualTo(201);
    jdbc.update("UPDATE attachment SET created_at = now() - interval '25 hours' WHERE id IN (?, ?)",
        UUID.fromString(attached), UUID.fromString(forgotten));

    assertThat(pendingUploads.deleteExpired()).isGreaterThanOrEqualTo(1);

    assertThat(jdbc.queryForList("SELECT id::text FROM attachment WHERE resident_ref = ?", String.class, resident))
        .containsExactlyInAnyOrder(attached, recent);
  }

  private HttpResponse<String> submit(String user, List<String> photos) throws Exception {
    String body = """
        {"procedureKey": "bulky-waste-collection", "clientRequestId": "%s", "data": {
          "items": [{"name": "ソファ", "size": "L", "quantity": 1}], "address": "デモ市中央1-2-3",
          "applicantName": "山田 花子", "preferredDate1": "%s", "phone": "090-1234-5678", "photo": %s}}"""
        .formatted(UUID.randomUUID(), TestDates.daysAhead(14), json.writeValueAsString(photos));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/demo/applications"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(DEMO_CHANNEL, user))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> upload(String user) throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", png);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(png.toByteArray());
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
