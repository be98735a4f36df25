package jp.madoguchi.liff;

import static jp.madoguchi.LineIdTokens.DEMO_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.TestDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Residents' files: type by content, images re-encoded, size limits, only the owner and the tenant's staff read them. */
class AttachmentTests extends IntegrationTest {

  private static final LineIdTokens LINE_KEYS = LineIdTokens.LINE;
  private static final String BOUNDARY = "----madoguchi-test-boundary";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  private String resident;

  @BeforeEach
  void publishKeys() {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LINE_KEYS);
    resident = LineIdTokens.newUserId();
  }

  @Test
  void shouldAcceptAPhotoAndStoreItWithoutItsExifData() throws Exception {
    byte[] withExif = withExifSegment(jpeg(64, 48), "GPSLatitude 35.6812 home of the resident");

    HttpResponse<String> uploaded = upload(resident, "../../etc/家の前.JPG", withExif);

    assertThat(uploaded.statusCode()).isEqualTo(201);
    JsonNode attachment = json.readTree(uploaded.body());
    assertThat(attachment.get("fileName").asText()).isEqualTo("家の前.jpg");
    assertThat(attachment.get("contentType").asText()).isEqualTo("image/jpeg");
    HttpResponse<byte[]> downloaded = download(resident, attachment.get("id").asText());
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(new String(downloaded.body(), StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(downloaded.body())).getWidth()).isEqualTo(64);
    assertThat(downloaded.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(downloaded.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename*=UTF-8''%E5%AE%B6%E3%81%AE%E5%89%8D.jpg").doesNotContain("..");
  }

  @Test
  void shouldDecideTheTypeByContentNotByName() throws Exception {
    HttpResponse<String> pdfNamedJpg = upload(resident, "photo.jpg", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes());
    HttpResponse<String> textNamedJpg = upload(resident, "photo.jpg", "<script>alert(1)</script>".getBytes());

    assertThat(pdfNamedJpg.statusCode()).isEqualTo(201);
    assertThat(json.readTree(pdfNamedJpg.body()).get("fileName").asText()).isEqualTo("photo.pdf");
    assertThat(json.readTree(pdfNamedJpg.body()).get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(textNamedJpg.statusCode()).isEqualTo(415);
  }

  @Test
  void shouldRefusePixelFloodsAndOversizedFiles() throws Exception {
    assertThat(upload(resident, "flood.png", pngClaiming(100_000, 100_000)).statusCode()).isEqualTo(400);
    byte[] huge = new byte[11 * 1024 * 1024];
    System.arraycopy("%PDF-1.4".getBytes(), 0, huge, 0, 8);
    assertThat(upload(resident, "huge.pdf", huge).statusCode()).isEqualTo(413);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM attachment WHERE resident_ref = ?", Long.class, resident))
        .isZero();
  }

  @Test
  void shouldTakeALongJapaneseFileNameAndSayWhenANameIsTooLongToRead() throws Exception {
    // 300 full-width characters: 900 bytes in the part's header, which Tomcat limits to 512 by default
    HttpResponse<String> longName = upload(resident, "粗".repeat(300) + ".jpg", jpeg(16, 16));
    assertThat(longName.statusCode()).isEqualTo(201);
    assertThat(json.readTree(longName.body()).get("fileName").asText()).isEqualTo("粗".repeat(100) + ".jpg");

    HttpResponse<String> tooLong = upload(resident, "粗".repeat(1_000) + ".jpg", jpeg(16, 16));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("ファイル名が長すぎます").doesNotContain("10MB");
  }

  @Test
  void shouldServeFilesOnlyToTheOwnerAndToTheTenantsStaffOnceSubmitted() throws Exception {
    String id = json.readTree(upload(resident, "sofa.png", png(20, 20)).body()).get("id").asText();
    String stranger = LineIdTokens.newUserId();

    assertThat(download(stranger, id).statusCode()).isEqualTo(404);
    assertThat(staffDownload("demo-clerk", DEMO_CLERK_PASSWORD, id).statusCode()).as("not yet submitted").isEqualTo(404);

    HttpResponse<String> submitted = submit(resident, "[\"" + id + "\"]");
    assertThat(submitted.statusCode()).isEqualTo(201);
    String number = json.readTree(submitted.body()).get("applicationNumber").asText();
    JsonNode detail = json.readTree(send(HttpRequest.newBuilder(uri("/api/demo/applications/" + number))
        .header("Authorization", "Bearer " + LINE_KEYS.token(DEMO_CHANNEL, resident)).GET()).body());
    assertThat(detail.get("attachments")).extracting(a -> a.get("id").asText()).containsExactly(id);

    assertThat(staffDownload("demo-clerk", DEMO_CLERK_PASSWORD, id).statusCode()).isEqualTo(200);
    assertThat(staffDownload("kita-clerk", KITA_CLERK_PASSWORD, id).statusCode()).isEqualTo(403);
    assertThat(download(stranger, id).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldGiveTheClerksFormALinkToEveryAttachedFileAtThePortTheAppListensOn() throws Exception {
    String photo = json.readTree(upload(resident, "sofa.png", png(20, 20)).body()).get("id").asText();
    String pdf = json.readTree(upload(resident, "estimate.pdf",
        "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes()).body()).get("id").asText();

    String number = json.readTree(submit(resident, "[\"" + photo + "\", \"" + pdf + "\"]").body())
        .get("applicationNumber").asText();

    String instance = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = 'demo' "
        + "AND number = ?", String.class, number);
    JsonNode links = json.readTree(runtime.getVariableTyped(instance, "attachmentLinks").getValue().toString());
    // no MADOGUCHI_PUBLIC_URL in the tests: the links take the port the server really listens on
    assertThat(links).extracting(link -> link.get("url").asText()).containsExactly(
        "http://localhost:" + port + "/api/demo/admin/attachments/" + photo,
        "http://localhost:" + port + "/api/demo/admin/attachments/" + pdf);
    assertThat(links).extracting(link -> link.get("n").asInt()).containsExactly(1, 2);
    assertThat(links).extracting(link -> link.get("image").asBoolean()).as("shown inline: photos only")
        .containsExactly(true, false);
  }

  @Test
  void shouldRefuseToAttachSomeoneElsesFile() throws Exception {
    String othersFile = json.readTree(upload("Uother" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
        "x.png", png(10, 10)).body()).get("id").asText();

    HttpResponse<String> submitted = submit(resident, "[\"" + othersFile + "\"]");

    assertThat(submitted.statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE resident_ref = ?", Long.class, resident))
        .isZero();
  }

  private HttpResponse<String> submit(String user, String photoIds) throws Exception {
    String body = """
        {"procedureKey": "bulky-waste-collection", "clientRequestId": "%s", "data": {
          "items": [{"name": "ソファ", "size": "L", "quantity": 1}], "applicantName": "山田 花子", "address": "デモ市中央1-2-3",
          "preferredDate1": "%s", "phone": "090-1234-5678", "photo": %s}}""".formatted(UUID.randomUUID(), TestDates.daysAhead(14),
        photoIds);
    return send(HttpRequest.newBuilder(uri("/api/demo/applications")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + LINE_KEYS.token(DEMO_CHANNEL, user))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> upload(String user, String fileName, byte[] content) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri("/api/demo/attachments"))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .header("Authorization", "Bearer " + LINE_KEYS.token(DEMO_CHANNEL, user))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpResponse<byte[]> download(String user, String id) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/demo/attachments/" + id))
        .header("Authorization", "Bearer " + LINE_KEYS.token(DEMO_CHANNEL, user)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> staffDownload(String user, String password, String id) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/demo/admin/attachments/" + id))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static byte[] jpeg(int width, int height) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", out);
    return out.toByteArray();
  }

  private static byte[] png(int width, int height) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  /** An APP1 "Exif" segment right after the JPEG's start marker, as cameras write it. */
  private static byte[] withExifSegment(byte[] jpeg, String text) {
    byte[] payload = ("Exif\0\0" + text).getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + payload.length + 4);
    out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload)
        .put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /** A tiny PNG whose header claims an enormous size. */
  private static byte[] pngClaiming(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
        .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
        .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
  }
}
