package jp.madoguchi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.gate.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The webhook servlet's own routing; the webhook's rules themselves are in {@link LineWebhookTests}. */
class LineWebhookServletTests {

  private final TenantDirectory tenants = mock(TenantDirectory.class);
  private final LineWebhookServlet servlet = new LineWebhookServlet(new LineWebhookReceiver(tenants,
      mock(LineChannels.class), mock(LineInbox.class), mock(LineEventDispatcher.class), new ObjectMapper()));

  @Test
  void shouldTakeTheTenantFromTheWebhooksPathOnly() {
    assertThat(LineWebhookServlet.tenantOf("/demo/webhook")).isEqualTo("demo");
    assertThat(LineWebhookServlet.tenantOf("/webhook")).isNull();
    assertThat(LineWebhookServlet.tenantOf("//webhook")).isNull();
    assertThat(LineWebhookServlet.tenantOf("/a/b/webhook")).isNull();
    assertThat(LineWebhookServlet.tenantOf("/demo/webhooks")).isNull();
    assertThat(LineWebhookServlet.tenantOf("/demo")).isNull();
    assertThat(LineWebhookServlet.tenantOf("/")).isNull();
    assertThat(LineWebhookServlet.tenantOf(null)).isNull();
  }

  @Test
  void shouldAnswerOtherPathsWith404AndNoTenantLookup() throws Exception {
    MockHttpServletResponse response = call("POST", "/demo/other");

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentType()).startsWith("application/json");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"message\"");
    verify(tenants, never()).find(anyString());
  }

  @Test
  void shouldAnswerOtherMethodsWith405NamingPost() throws Exception {
    MockHttpServletResponse response = call("GET", "/demo/webhook");

    assertThat(response.getStatus()).isEqualTo(405);
    assertThat(response.getHeader("Allow")).isEqualTo("POST");
    verify(tenants, never()).find(any());
  }

  @Test
  void shouldTellLineWhenToRedeliverWhileTheDatabaseIsDown() throws Exception {
    when(tenants.find("demo")).thenThrow(new DataAccessResourceFailureException("connection refused"));

    MockHttpServletResponse response = call("POST", "/demo/webhook");

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isNotBlank();
    assertThat(response.getContentType()).startsWith("application/json");
  }

  private MockHttpServletResponse call(String method, String pathInfo) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, "/line" + pathInfo);
    request.setServletPath("/line");
    request.setPathInfo(pathInfo);
    request.setContent("{\"events\":[]}".getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();
    servlet.service(request, response);
    return response;
  }
}
