package jp.madoguchi.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.web.RequestPaths;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A process start through Camunda's REST APIs (start, submit-form; /engine-rest and the webapps' own)
 * begins at the start event, with its listeners and mappings: a body asking for
 * {@code startInstructions}, {@code skipCustomListeners} or {@code skipIoMappings} is answered 400
 * with the reason. The engine refuses a start at another step whatever the path
 * ({@link StaffLimits}); this answers the request plainly before it gets there. The perimeter has
 * buffered the body, so reading it here leaves it for Camunda.
 */
final class OrdinaryStarts extends OncePerRequestFilter {

  private static final Pattern START = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
          + "/process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)/?$");

  private final ObjectMapper json;

  OrdinaryStarts(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !START.matcher(RequestPaths.of(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (unusual(request)) {
      response.setStatus(400);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), Map.of("type", "InvalidStart", "message",
          "申請は手続の最初から始まります。startInstructions・skipCustomListeners・skipIoMappings は使えません "
              + "(an application starts at its procedure's start event, with its listeners and mappings: "
              + "startInstructions, skipCustomListeners and skipIoMappings are not accepted)"));
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean unusual(HttpServletRequest request) {
    JsonNode body;
    try {
      // not closed: an empty body is not buffered, and Camunda reads the container's stream after this
      body = json.readTree(StreamUtils.nonClosing(request.getInputStream()));
    } catch (IOException | RuntimeException e) {
      // not JSON: Camunda answers it with its own 400
      return false;
    }
    return body != null && (body.path("startInstructions").size() > 0
        || body.path("skipCustomListeners").asBoolean(false) || body.path("skipIoMappings").asBoolean(false));
  }
}
