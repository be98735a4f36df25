package jp.madoguchi.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import javax.imageio.ImageIO;

import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class RichMenuTests extends IntegrationTest {

  @LocalServerPort int port;

  @BeforeEach
  void stubLine() {
    LINE.resetAll();
    LINE.stubFor(post(urlEqualTo("/v2/bot/richmenu")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"richMenuId\":\"richmenu-0123456789abcdef\"}")));
    LINE.stubFor(post(urlEqualTo("/v2/bot/richmenu/richmenu-0123456789abcdef/content")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
    LINE.stubFor(post(urlEqualTo("/v2/bot/user/all/richmenu/richmenu-0123456789abcdef")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
  }

  @Test
  void shouldCreateUploadAndSetTheDefaultRichMenuForATenantAdmin() throws Exception {
    HttpResponse<String> created = adminPost("/api/demo/admin/line/rich-menu", "demo-admin", DEMO_ADMIN_PASSWORD);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("richmenu-0123456789abcdef");
    LINE.verify(postRequestedFor(urlEqualTo("/v2/bot/richmenu"))
        .withHeader("Authorization", containing("Bearer demo-token"))
        .withRequestBody(containing("\"chatBarText\":\"メニュー\""))
        .withRequestBody(containing("action=apply")));
    var upload = LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/richmenu/richmenu-0123456789abcdef/content"))).get(0);
    assertThat(upload.getHeader("Content-Type")).startsWith("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(upload.getBody()));
    assertThat(image.getWidth()).isEqualTo(2500);
    assertThat(image.getHeight()).isEqualTo(843);
    Files.createDirectories(Path.of("target/screenshots"));
    Files.write(Path.of("target/screenshots/rich-menu-demo.png"), upload.getBody());
    LINE.verify(postRequestedFor(urlEqualTo("/v2/bot/user/all/richmenu/richmenu-0123456789abcdef")));
  }

  @Test
  void shouldTellTheAdminLinesAnswerWhenLineRefusesTheRichMenu() throws Exception {
    LINE.stubFor(post(urlEqualTo("/v2/bot/richmenu")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withHeader("x-line-request-id", "req-0123")
        .withBody("{\"message\":\"The request body has 1 error(s)\"}")));

    HttpResponse<String> refused = adminPost("/api/demo/admin/line/rich-menu", "demo-admin", DEMO_ADMIN_PASSWORD);

    assertThat(refused.statusCode()).isEqualTo(502);
    assertThat(refused.body()).as("LINE's status and request id, not the SDK's words and the LINE address configured")
        .contains("リッチメニューを作成できませんでした", "LINE の応答 HTTP 400、リクエスト ID req-0123")
        .doesNotContain("http://", "localhost");
  }

  @Test
  void shouldRefuseClerksOtherTenantsAdminsAndAnonymousCallers() throws Exception {
    assertThat(adminPost("/api/demo/admin/line/rich-menu", "demo-clerk", DEMO_CLERK_PASSWORD).statusCode()).isEqualTo(403);
    assertThat(adminPost("/api/demo/admin/line/rich-menu", "kita-admin", "Hokubu-Admin-2026!").statusCode()).isEqualTo(403);
    assertThat(adminPost("/api/demo/admin/line/rich-menu", null, null).statusCode()).isEqualTo(401);
    LINE.verify(0, postRequestedFor(urlEqualTo("/v2/bot/richmenu")));
  }

  private HttpResponse<String> adminPost(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
