package jp.madoguchi.enginerest;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * One answer for every id /engine-rest cannot show the caller: unknown, another tenant's (Camunda's
 * tenant check says ENGINE-13034 "belongs to no authenticated tenant", a 500) or another department's
 * (a 403 naming the procedure). Differing answers would tell an outsider which ids exist and whose
 * they are.
 */
final class UniformNotFound {

  private static final Pattern NOT_FOUND = Pattern.compile(
      "(?is).*(cannot find|no .{1,60} (found|exists)|doesn't exist|does not exist|not found).*");

  /**
   * The answer's body, also written where a servlet filter answers before Camunda's REST API. Its
   * "No matching task" is what Tasklist looks for to say 「このタスクはもう存在しません」 (as when a
   * colleague completed the task meanwhile) instead of showing the message as it is.
   */
  static final Map<String, String> BODY = Map.of("type", "NotFound", "message",
      "見つかりません。番号を確かめてください。ほかの部署や自治体のものは表示できません "
      + "(No matching task, instance or job: check the id; "
      + "another department's or municipality's cannot be shown)");

  private UniformNotFound() {
  }

  static Response response() {
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(BODY).build();
  }

  /**
   * Camunda's own ways of saying "no such id" or "not in your tenant". Its job resource passes on only
   * the engine's message, as a 500 without a cause; a 500 with a cause is judged by that cause, so a
   * server fault whose message says "cannot find" (a missing serializer) stays one.
   */
  static boolean isNotFound(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      if (message.contains("ENGINE-13034") || message.contains("belongs to no authenticated tenant")) {
        return true;
      }
      boolean saysNotFound = NOT_FOUND.matcher(message).matches();
      if (cause instanceof NotFoundException || (cause instanceof NullValueException
          || cause instanceof BadUserRequestException) && saysNotFound) {
        return true;
      }
      if (cause instanceof RestException rest && rest.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
          && rest.getCause() == null && saysNotFound) {
        return true;
      }
    }
    return false;
  }
}
