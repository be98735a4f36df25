package jp.madoguchi.line;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.database.DatabaseOutage;
import jp.madoguchi.line.LineWebhookReceiver.Answer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * {@code POST /line/{tenant}/webhook} as a servlet of its own beside Spring MVC's dispatcher. LINE
 * times every acknowledgement, and the dispatcher's handler lookup, argument resolution and message
 * converters were about a fifth of the request threads' CPU per event; the servlet filters (body
 * limits, database outage, Spring Security with its permit rule for this path) still run before it.
 */
final class LineWebhookServlet extends HttpServlet {

  static final String MAPPING = "/line/*";
  static final String SIGNATURE_HEADER = "x-line-signature";
  private static final String WEBHOOK = "webhook";

  private final transient LineWebhookReceiver receiver;

  LineWebhookServlet(LineWebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String tenant = tenantOf(request.getPathInfo());
    if (tenant == null) {
      send(response, receiver.error(HttpStatus.NOT_FOUND, "There is no LINE endpoint at this address"));
      return;
    }
    if (!HttpMethod.POST.matches(request.getMethod())) {
      response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
      send(response, receiver.error(HttpStatus.METHOD_NOT_ALLOWED, "LINE's webhook accepts POST only"));
      return;
    }
    byte[] body = request.getInputStream().readNBytes(LineWebhookReceiver.MAX_BODY_BYTES + 1);
    send(response, receiver.receive(tenant, request.getHeader(SIGNATURE_HEADER), body));
  }

  /** The tenant of {@code /{tenant}/webhook} (the path below {@code /line}), or null for any other path. */
  static String tenantOf(String pathInfo) {
    if (pathInfo == null || pathInfo.length() < WEBHOOK.length() + 3 || !pathInfo.endsWith("/" + WEBHOOK)) {
      return null;
    }
    String tenant = pathInfo.substring(1, pathInfo.length() - WEBHOOK.length() - 1);
    return tenant.isEmpty() || tenant.indexOf('/') >= 0 ? null : tenant;
  }

  private static void send(HttpServletResponse response, Answer answer) throws IOException {
    response.setStatus(answer.status().value());
    if (answer.retryLater()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(answer.json().length);
    response.getOutputStream().write(answer.json());
  }
}
