package jp.madoguchi.enginerest;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;

/**
 * One answer for every id /engine-rest cannot show the caller: unknown, another tenant's (Camunda's
 * tenant check says ENGINE-13034 "belongs to no authenticated tenant", a 500) or another department's
 * (a 403 naming the procedure). Differing answers would tell an outsider which ids exist and whose
 * they are.
 */
final class UniformNotFound {

  private static final Pattern NOT_FOUND = Pattern.compile(
      "(?is).*(cannot find|no .{1,60} (found|exists)|doesn't exist|does not exist|not found).*");

  private UniformNotFound() {
  }

  static Response response() {
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "NotFound", "message", "見つかりません (not found)")).build();
  }

  /** Camunda's own ways of saying "no such id" or "not in your tenant". */
  static boolean isNotFound(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (!(cause instanceof ProcessEngineException engine)) {
        continue;
      }
      String message = engine.getMessage() == null ? "" : engine.getMessage();
      if (message.startsWith("ENGINE-13034") || message.contains("belongs to no authenticated tenant")) {
        return true;
      }
      if (engine instanceof NotFoundException || (engine instanceof NullValueException
          || engine instanceof BadUserRequestException) && NOT_FOUND.matcher(message).matches()) {
        return true;
      }
    }
    return false;
  }
}
