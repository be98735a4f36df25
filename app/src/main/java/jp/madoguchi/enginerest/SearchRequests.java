package jp.madoguchi.enginerest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Searches as they reach Camunda's REST API (both engine APIs): their paths, their JSON bodies. */
final class SearchRequests {

  /** The start of an engine API path: the default engine's or a named one's. */
  static final String ENGINE = "^/?(?:engine/[^/]+/)?";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The search as parsed, kept on the request so that each filter of the entrance does not parse it again. */
  private static final String PARSED = SearchRequests.class.getName() + ".parsed";
  private static final Object NOT_AN_OBJECT = new Object();
  private static final Pattern TASKS = Pattern.compile(ENGINE + "task(?:/count)?/?$");
  private static final Pattern FILTERED_TASKS = Pattern.compile(ENGINE + "filter/[^/]+/(?:list|count|singleResult)/?$");

  private SearchRequests() {
  }

  /** A task search: {@code task}, its count, or the tasks of a filter, whose body adds to the filter's search. */
  static boolean isTaskSearch(String path) {
    return TASKS.matcher(path).matches() || FILTERED_TASKS.matcher(path).matches();
  }

  /**
   * The JSON object a {@code POST} search was sent with, or null (no body, not JSON, not an object); the
   * body stays readable for Camunda. Read and parsed once per request: later calls answer the same
   * object, changes made through {@link #replaceBody} included.
   */
  static ObjectNode body(ContainerRequestContext request) throws IOException {
    Object parsed = request.getProperty(PARSED);
    if (parsed == null) {
      parsed = parse(request);
      request.setProperty(PARSED, parsed);
    }
    return parsed instanceof ObjectNode search ? search : null;
  }

  /** Camunda reads {@code search} instead of the body sent. */
  static void replaceBody(ContainerRequestContext request, ObjectNode search) throws IOException {
    request.setEntityStream(new ByteArrayInputStream(JSON.writeValueAsBytes(search)));
    request.setProperty(PARSED, search);
  }

  private static Object parse(ContainerRequestContext request) throws IOException {
    if (!"POST".equals(request.getMethod()) || !request.hasEntity()) {
      return NOT_AN_OBJECT;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    try {
      JsonNode search = JSON.readTree(body);
      return search instanceof ObjectNode ? search : NOT_AN_OBJECT;
    } catch (JsonProcessingException unreadable) {
      return NOT_AN_OBJECT;
    }
  }
}
