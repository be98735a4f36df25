package jp.madoguchi.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of Camunda's OpenAPI description and the calls an outsider makes of it about one
 * application. One that only reads (a GET, or a POST whose body is a query; {@link
 * EngineRestLeakTests}): its ids in the path, then each query parameter or query field that names a
 * process instance, task, execution or business key set to the application's, one at a time. One
 * that writes ({@link EngineRestWriteTests}): its ids in the path, with an empty body and with a
 * body whose fields name the application's ids and one of its messages.
 */
final class OutsiderOperation {

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final Set<String> ACCOUNT_NAMES = Set.of("startedby", "startableby", "createdby", "assignerid");

  record Call(String method, String path, String body) {

    /**
     * On {@code base} (e.g. {@code /engine-rest}) with HTTP Basic ({@code authorization}, empty for
     * nobody), or in a webapp {@code session} with its CSRF token.
     */
    HttpResponse<String> send(HttpClient http, int port, String base, String authorization, WebappLogin session)
        throws IOException, InterruptedException {
      HttpRequest.Builder request = (session == null
          ? HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + path))
          : session.request(base + path).header("X-XSRF-TOKEN", session.xsrfToken()))
          .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (authorization != null && !authorization.isEmpty()) {
        request.header("Authorization", authorization);
      }
      return (session == null ? http : session.browser).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String toString() {
      return method + " " + path + (body == null ? "" : " " + body);
    }
  }

  private final String method;
  private final String path;
  private final JsonNode operation;
  private final JsonNode body;

  private OutsiderOperation(String method, String path, JsonNode operation, JsonNode body) {
    this.method = method;
    this.path = path;
    this.operation = operation;
    this.body = body;
  }

  /** The operations that write: POST (but queries), PUT and DELETE. */
  static List<OutsiderOperation> writing(JsonNode description) {
    List<OutsiderOperation> operations = new ArrayList<>();
    JsonNode schemas = description.path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext();) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : List.of("post", "put", "delete")) {
        JsonNode operation = path.getValue().path(method);
        String body = operation.path("requestBody").path("content").path("application/json").path("schema")
            .path("$ref").asText();
        if (!operation.isMissingNode() && !body.endsWith("QueryDto")) {
          operations.add(new OutsiderOperation(method.toUpperCase(Locale.ROOT), path.getKey(), operation,
              body.isEmpty() ? null : schemas.path(body.substring(body.lastIndexOf('/') + 1))));
        }
      }
    }
    return operations;
  }

  List<Call> writes(FiledApplication filed) {
    String filled = filledPath(filed);
    if (body == null) {
      return List.of(new Call(method, filled, null));
    }
    StringBuilder named = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> fields = body.path("properties").fields(); fields.hasNext();) {
      Map.Entry<String, JsonNode> field = fields.next();
      String value = "messageName".equals(field.getKey()) ? "CorrectionSubmitted" : idFor(field.getKey(), filed);
      if (value != null) {
        String json = "\"" + value + "\"";
        named.append(named.isEmpty() ? "" : ",").append('"').append(field.getKey()).append("\":")
            .append("array".equals(field.getValue().path("type").asText()) ? "[" + json + "]" : json);
      }
    }
    return named.isEmpty() ? List.of(new Call(method, filled, "{}"))
        : List.of(new Call(method, filled, "{}"), new Call(method, filled, "{" + named + "}"));
  }

  static List<OutsiderOperation> reading(JsonNode description) {
    List<OutsiderOperation> operations = new ArrayList<>();
    JsonNode schemas = description.path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext();) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode get = path.getValue().path("get");
      if (!get.isMissingNode()) {
        operations.add(new OutsiderOperation("GET", path.getKey(), get, null));
      }
      String body = path.getValue().path("post").path("requestBody").path("content").path("application/json")
          .path("schema").path("$ref").asText();
      if (body.endsWith("QueryDto")) {
        operations.add(new OutsiderOperation("POST", path.getKey(), path.getValue().get("post"),
            schemas.path(body.substring(body.lastIndexOf('/') + 1))));
      }
    }
    return operations;
  }

  List<Call> calls(FiledApplication filed) {
    String filled = filledPath(filed);
    List<Call> calls = new ArrayList<>();
    if (body == null) {
      calls.add(new Call(method, filled, null));
      for (JsonNode parameter : operation.path("parameters")) {
        String value = "query".equals(parameter.path("in").asText()) ? idFor(parameter.path("name").asText(), filed)
            : null;
        if (value != null) {
          calls.add(new Call(method, filled + "?" + parameter.path("name").asText() + "=" + value, null));
        }
      }
      return calls;
    }
    calls.add(new Call(method, filled, "{}"));
    for (Iterator<Map.Entry<String, JsonNode>> fields = body.path("properties").fields(); fields.hasNext();) {
      Map.Entry<String, JsonNode> field = fields.next();
      String value = idFor(field.getKey(), filed);
      if (value != null) {
        String json = "\"" + value + "\"";
        calls.add(new Call(method, filled, "{\"" + field.getKey() + "\":"
            + ("array".equals(field.getValue().path("type").asText()) ? "[" + json + "]" : json) + "}"));
      }
    }
    return calls;
  }

  /**
   * One call for each query parameter or query field that names a staff account (an assignee, owner,
   * member, user, the user who started, took part, may start, created or assigned), naming the account given; the path's ids are
   * the same in every call, so calls about two accounts differ only there.
   */
  List<Call> callsNaming(String account) {
    String filled = PATH_PARAMETER.matcher(path).replaceAll(parameter -> switch (parameter.group(1)) {
      case "key" -> "bulky-waste-collection";
      case "tenant-id" -> "demo";
      case "varName" -> "applicantName";
      default -> "00000000-0000-0000-0000-000000000000";
    });
    List<Call> calls = new ArrayList<>();
    if (body == null) {
      for (JsonNode parameter : operation.path("parameters")) {
        String name = parameter.path("name").asText();
        if ("query".equals(parameter.path("in").asText()) && namesAnAccount(name)) {
          calls.add(new Call(method, filled + "?" + name + "=" + account, null));
        }
      }
      return calls;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = body.path("properties").fields(); fields.hasNext();) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (namesAnAccount(field.getKey())) {
        String json = "\"" + account + "\"";
        calls.add(new Call(method, filled, "{\"" + field.getKey() + "\":"
            + ("array".equals(field.getValue().path("type").asText()) ? "[" + json + "]" : json) + "}"));
      }
    }
    return calls;
  }

  private static boolean namesAnAccount(String name) {
    String plain = name.toLowerCase(Locale.ROOT);
    return plain.contains("user") || plain.contains("assignee") || plain.contains("owner") || plain.equals("member")
        || ACCOUNT_NAMES.contains(plain);
  }

  /** The application's value for a parameter or field that names one of its ids, or null. */
  private static String idFor(String name, FiledApplication filed) {
    String plain = name.toLowerCase(Locale.ROOT).replaceAll("(in|s)$", "");
    return switch (plain) {
      case "processinstanceid", "rootprocessinstanceid" -> filed.instance();
      case "taskid" -> filed.task();
      case "executionid" -> filed.execution();
      case "businesskey", "processinstancebusinesskey" -> filed.number();
      default -> null;
    };
  }

  private String filledPath(FiledApplication filed) {
    Matcher matcher = PATH_PARAMETER.matcher(path);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String before = path.substring(0, matcher.start());
      String resource = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
      String value = switch (matcher.group(1)) {
        case "id" -> switch (resource) {
          case "process-instance" -> filed.instance();
          case "task" -> filed.task();
          case "execution" -> filed.execution();
          case "process-definition" -> filed.definition();
          default -> UUID.randomUUID().toString();
        };
        case "key" -> "bulky-waste-collection";
        case "tenant-id" -> "demo";
        case "varName" -> "applicantName";
        default -> UUID.randomUUID().toString();
      };
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
