package jp.madoguchi.enginerest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.web.RequestPaths;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests to Camunda's REST APIs (/engine-rest and the webapps' own) that nobody may make, refused
 * with 403 and the reason whatever id they name, so the answer tells nothing about the id:
 * <ul>
 * <li>reports Camunda computes per process definition without its tenant check, which count every
 * municipality's applications of a shared procedure (the historic activity statistics of a definition,
 * the cleanable-instance reports); neither Tasklist nor Cockpit (Community) asks for them;</li>
 * <li>running a job by hand: the engine counts a refused run (another municipality's job, missing
 * permission) as a failure of the job, so repeated calls used up its retries and raised an incident.
 * A failed job is retried with {@code PUT /job/{id}/retries}.</li>
 * </ul>
 */
final class RefusedRequests extends OncePerRequestFilter {

  private static final String API = "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";
  private static final List<Rule> RULES = List.of(
      new Rule("GET", Pattern.compile(API + "/history/(?:process-definition/[^/]+/statistics"
          + "|(?:process|decision|case)-definition/cleanable-[a-z]+-instance-report|batch/cleanable-batch-report)"
          + "(?:/count)?/?$"), "この集計はすべての自治体の申請を数えるため使えません "
          + "(this report counts the applications of every municipality and is not available)"),
      new Rule("POST", Pattern.compile(API + "/job/[^/]+/execute/?$"), "ジョブを手で実行することはできません。"
          + "失敗したジョブは再試行で実行されます (jobs cannot be run by hand: retry a failed job with "
          + "PUT /job/{id}/retries)"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Rule(String method, Pattern path, String message) {
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    for (Rule rule : RULES) {
      if (rule.method().equals(request.getMethod()) && rule.path().matcher(path).matches()) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), Map.of("type", "Forbidden", "message", rule.message()));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
