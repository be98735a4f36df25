package jp.madoguchi.enginerest;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Refuses an expression ({@code assigneeExpression: "${…}"} …) inside the {@code orQueries} of a task
 * search, as Camunda refuses one in the search itself ("Expressions are forbidden in adhoc queries"):
 * Camunda checks only the outer search and evaluated the alternatives' expressions, so any member of
 * staff could run expressions on the server ({@code "a".repeat(…)} to fill its memory) and got a 500
 * for one that was not text ({@code ${1+1}}). A filter's own stored search may keep its expressions.
 */
@PreMatching
public class ExpressionsInOrQueriesRefused implements ContainerRequestFilter {

  private static final String MESSAGE = "検索条件に式 (${…}) は使えません。値をそのまま送ってください "
      + "(expressions are not allowed in a search's orQueries: send the value itself, e.g. assignee instead of "
      + "assigneeExpression)";

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!SearchRequests.isTaskSearch(request.getUriInfo().getPath())) {
      return;
    }
    ObjectNode search = SearchRequests.body(request);
    if (search == null) {
      return;
    }
    for (JsonNode alternative : search.path("orQueries")) {
      if (hasExpression(alternative)) {
        request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidRequest", "message", MESSAGE)).build());
        return;
      }
    }
  }

  private static boolean hasExpression(JsonNode alternative) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = alternative.fields(); fields.hasNext();) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().endsWith("Expression") && !field.getValue().isNull()) {
        return true;
      }
    }
    return false;
  }
}
