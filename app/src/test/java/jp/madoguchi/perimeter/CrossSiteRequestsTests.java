package jp.madoguchi.perimeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Contract C4 request by request: which browser requests may use a staff member's Basic login or webapp session. */
class CrossSiteRequestsTests {

  private final CrossSiteRequests rules = new CrossSiteRequests("https://madoguchi.example.jp", List.of("file://"));

  @Test
  void shouldLetToolsUseBasicButNotOtherSites() {
    assertThat(rules.refusalForBasic(request("POST", Map.of()))).as("curl").isEmpty();
    assertThat(rules.refusalForBasic(request("POST", Map.of("Origin", "file://")))).as("Camunda Modeler").isEmpty();
    assertThat(rules.refusalForBasic(request("POST", Map.of("Origin", "https://madoguchi.example.jp")))).isEmpty();
    assertThat(rules.refusalForBasic(request("POST", Map.of("Origin", "https://madoguchi.example.jp:443")))).isEmpty();
    assertThat(rules.refusalForBasic(request("POST", Map.of("Origin", "https://evil.example")))).isPresent();
    assertThat(rules.refusalForBasic(request("GET", Map.of("Origin", "https://evil.example")))).isPresent();
    assertThat(rules.refusalForBasic(request("POST", Map.of("Origin", "null")))).as("a sandboxed frame").isPresent();
    assertThat(rules.refusalForBasic(request("POST", Map.of("Origin", "http://madoguchi.example.jp"))))
        .as("another scheme is another origin").isPresent();
    assertThat(rules.refusalForBasic(request("GET", Map.of("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate"))))
        .as("a link on another site sends a cached login without Origin").isPresent();
    assertThat(rules.refusalForBasic(request("GET", Map.of("Sec-Fetch-Site", "same-site")))).isPresent();
    assertThat(rules.refusalForBasic(request("GET", Map.of("Sec-Fetch-Site", "none")))).as("typed in").isEmpty();
    assertThat(rules.refusalForBasic(request("POST", Map.of("Origin", "file://", "Sec-Fetch-Site", "cross-site"))))
        .as("Camunda Modeler's window").isEmpty();
  }

  @Test
  void shouldAcceptTheOriginTheRequestWasSentTo() {
    MockHttpServletRequest direct = request("POST", Map.of("Origin", "http://localhost:8103"));
    direct.setScheme("http");
    direct.setServerName("localhost");
    direct.setServerPort(8103);

    assertThat(rules.refusalForBasic(direct)).isEmpty();
  }

  @Test
  void shouldLetTheSessionReadOnlyFromThisAppOrWhatThePersonOpened() {
    assertThat(rules.refusalForSession(request("GET", Map.of()))).isEmpty();
    assertThat(rules.refusalForSession(request("GET", Map.of("Origin", "https://evil.example")))).isPresent();
    assertThat(rules.refusalForSession(request("GET", Map.of("Sec-Fetch-Site", "cross-site")))).as("a link or image")
        .isPresent();
    assertThat(rules.refusalForSession(request("HEAD", Map.of("Sec-Fetch-Site", "same-site")))).isPresent();
    assertThat(rules.refusalForSession(request("GET", Map.of("Sec-Fetch-Site", "same-origin")))).isEmpty();
    assertThat(rules.refusalForSession(request("GET", Map.of("Sec-Fetch-Site", "none")))).isEmpty();
  }

  @Test
  void shouldLetTheSessionChangeOnlyFromTheAppsOwnScripts() {
    Map<String, String> own = Map.of("Origin", "https://madoguchi.example.jp", "Sec-Fetch-Site", "same-origin",
        "X-Requested-With", "XMLHttpRequest");
    assertThat(rules.refusalForSession(request("POST", own))).isEmpty();
    assertThat(rules.refusalForSession(request("DELETE", Map.of("Origin", "https://madoguchi.example.jp",
        "X-Requested-With", "XMLHttpRequest")))).as("a browser without Sec-Fetch-Site").isEmpty();

    assertThat(rules.refusalForSession(request("POST", Map.of("Origin", "https://madoguchi.example.jp",
        "Sec-Fetch-Site", "same-origin")))).as("an HTML form cannot add the header").get().asString()
        .contains("X-Requested-With");
    assertThat(rules.refusalForSession(request("PUT", Map.of("X-Requested-With", "XMLHttpRequest"))))
        .as("no Origin").isPresent();
    assertThat(rules.refusalForSession(request("PATCH", Map.of("Origin", "https://madoguchi.example.jp",
        "Sec-Fetch-Site", "same-site", "X-Requested-With", "XMLHttpRequest")))).as("a sibling subdomain").isPresent();
    assertThat(rules.refusalForSession(request("POST", Map.of("Origin", "file://",
        "X-Requested-With", "XMLHttpRequest")))).as("desktop origins are for Basic only").isPresent();
  }

  private static MockHttpServletRequest request(String method, Map<String, String> headers) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/demo/admin/staff");
    request.setScheme("https");
    request.setServerName("internal-node");
    request.setServerPort(8080);
    headers.forEach(request::addHeader);
    return request;
  }
}
